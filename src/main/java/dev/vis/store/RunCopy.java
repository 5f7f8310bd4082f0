package dev.vis.store;

import dev.vis.VisException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a finished run from one store to another ({@code vis push}), through the {@link Store}
 * interface, so any store can be the source or the target: a local SQLite run goes up to a team's
 * PostgreSQL database. A replay takes its source run along. Copying a run that is there already
 * changes nothing.
 *
 * @param env the environment, for the owner a run recorded without one is given
 */
public record RunCopy(Store from, Store to, Map<String, String> env) {
  public RunCopy {
    env = Map.copyOf(env);
  }

  /** What a copy did with one run. */
  public record Copied(RunSummary run, boolean already) {}

  /**
   * Copies the run, and for a replay first its source, unless the target holds them already.
   *
   * @return each run in the order it was looked at (a replay's source first)
   * @throws VisException (exit 2) when a run is not done, or the target holds a run with the same
   *     id that differs
   */
  public List<Copied> copy(RunSummary run) {
    List<Copied> copied = new java.util.ArrayList<>();
    copy(run, copied);
    return List.copyOf(copied);
  }

  private void copy(RunSummary run, List<Copied> copied) {
    if (run.status() != RunStatus.DONE) {
      throw VisException.usage(
          "run "
              + run.id()
              + " in "
              + from.location()
              + " is "
              + run.status().label()
              + ", not done: push copies finished runs only; finish it first (vis run SPEC"
              + " --resume "
              + run.id()
              + ")");
    }
    Optional<RunSummary> source = run.sourceRunId().flatMap(from::findRun);
    if (source.isPresent()) {
      copy(source.get(), copied);
    }
    Optional<RunSummary> there = to.findRun(run.id());
    if (there.isPresent()) {
      refuseDifferent(run, there.get());
      copied.add(new Copied(there.get(), true));
      return;
    }
    NewRun start =
        start(
            run,
            from.storedRun(run.id()),
            source.map(RunSummary::id),
            run.owner().orElseGet(() -> Owner.current(env)));
    boolean imported =
        to.importRun(
            new ImportedRun(
                start,
                run.status(),
                run.finishedAt().orElse(run.createdAt()),
                tasks -> from.forEachRecordedTask(run.id(), tasks),
                from.results(run)));
    copied.add(new Copied(to.findRun(run.id()).orElseThrow(), !imported));
  }

  /** The run as it was recorded when it started, without its tasks (the copy streams them). */
  static NewRun start(RunSummary run, StoredRun stored, Optional<String> source, Owner owner) {
    return new NewRun(
        run.id(),
        run.specPath(),
        stored.specText(),
        run.specSha256(),
        stored.spec(),
        stored.models(),
        List.of(),
        source,
        run.createdAt(),
        owner,
        stored.specSamples());
  }

  private void refuseDifferent(RunSummary here, RunSummary there) {
    boolean same =
        here.specSha256().equals(there.specSha256())
            && here.status() == there.status()
            && here.ok() == there.ok()
            && here.failed() == there.failed()
            && here.pending() == there.pending();
    if (!same) {
      throw VisException.usage(
          "run "
              + here.id()
              + " is in "
              + to.location()
              + " already, and differs from the one in "
              + from.location()
              + " ("
              + there.status().label()
              + ", "
              + there.ok()
              + " ok and "
              + there.failed()
              + " failed there; "
              + here.status().label()
              + ", "
              + here.ok()
              + " ok and "
              + here.failed()
              + " failed here); push never overwrites: remove it there first (vis runs rm "
              + here.id()
              + " --db TARGET) if this one should replace it");
    }
  }
}
