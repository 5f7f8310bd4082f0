package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs {@code vis runs rm} or {@code prune} will delete. A run goes only together with every
 * replay that points at it (directly or through another replay), so no replay is ever left pointing
 * at nothing: {@code rm} refuses until those replays are named too, {@code prune} keeps a run whose
 * replay is younger than the cutoff.
 *
 * @param doomed the runs to delete, newest first
 * @param kept runs prune leaves, each with the younger replay that holds it
 */
record DeletionPlan(List<RunSummary> doomed, Map<RunSummary, RunSummary> kept) {
  DeletionPlan {
    doomed = List.copyOf(doomed);
    kept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kept));
  }

  /**
   * The runs named on the command line.
   *
   * @throws VisException (exit 2) when one is running, or has replays that are not named too
   */
  static DeletionPlan remove(List<RunSummary> all, List<RunSummary> named) {
    Set<String> ids = new LinkedHashSet<>();
    for (RunSummary run : named) {
      if (run.status() == RunStatus.RUNNING) {
        throw VisException.usage("run " + run.id() + " is running; stop it before deleting it");
      }
      ids.add(run.id());
    }
    List<String> missing = new ArrayList<>();
    for (RunSummary run : all) {
      if (!ids.contains(run.id()) && pointsInto(run, ids, all)) {
        missing.add(run.id());
      }
    }
    if (!missing.isEmpty()) {
      missing.sort(null); // ULIDs: oldest first
      throw VisException.usage(
          "nothing deleted: "
              + (missing.size() == 1 ? "replay " : "replays ")
              + String.join(", ", missing)
              + (missing.size() == 1 ? " points" : " point")
              + " at a run you named, and a replay is never left pointing at nothing; to delete "
              + (missing.size() == 1 ? "it too, name it" : "them too, name them")
              + " as well: vis runs rm "
              + String.join(" ", ids)
              + " "
              + String.join(" ", missing));
    }
    return new DeletionPlan(all.stream().filter(r -> ids.contains(r.id())).toList(), Map.of());
  }

  /**
   * The runs started before {@code cutoff} that are not running, less those a younger replay still
   * points at.
   */
  static DeletionPlan prune(List<RunSummary> all, Instant cutoff) {
    Set<String> ids = new LinkedHashSet<>();
    for (RunSummary run : all) {
      if (run.createdAt().isBefore(cutoff) && run.status() != RunStatus.RUNNING) {
        ids.add(run.id());
      }
    }
    Map<RunSummary, RunSummary> kept = new LinkedHashMap<>();
    boolean changed = true;
    while (changed) { // keeping a replay keeps its source in turn
      changed = false;
      for (RunSummary run : all) {
        if (!ids.contains(run.id()) && run.sourceRunId().isPresent()) {
          Optional<RunSummary> source = find(all, run.sourceRunId().get());
          if (source.isPresent() && ids.remove(source.get().id())) {
            kept.put(source.get(), run);
            changed = true;
          }
        }
      }
    }
    return new DeletionPlan(all.stream().filter(r -> ids.contains(r.id())).toList(), kept);
  }

  /** The ids to delete. */
  List<String> ids() {
    return doomed.stream().map(RunSummary::id).toList();
  }

  private static boolean pointsInto(RunSummary run, Set<String> ids, List<RunSummary> all) {
    Set<String> seen = new LinkedHashSet<>();
    Optional<String> source = run.sourceRunId();
    while (source.isPresent() && seen.add(source.get())) {
      if (ids.contains(source.get())) {
        return true;
      }
      source = find(all, source.get()).flatMap(RunSummary::sourceRunId);
    }
    return false;
  }

  private static Optional<RunSummary> find(List<RunSummary> all, String id) {
    return all.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
