package dev.vis.store;

import dev.vis.VisException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks runs out of a store's run list, newest first: what a run reference names, and which run a
 * resume without one continues. The same for every store, so each lists its runs and nothing more;
 * a reference needs no run's task counts, so it is resolved on the runs' heads alone.
 */
final class RunReferences {
  /** How many ids an ambiguous prefix's message lists; it says so when there are more. */
  static final int AMBIGUOUS_SHOWN = 10;

  private RunReferences() {}

  /**
   * The run a reference names: an id, a unique id prefix of at least 4 characters, {@code latest},
   * a spec name (its newest run) or {@code NAME~N}.
   *
   * @param all every run, newest first
   * @param location the database as the user named it, for messages
   * @throws VisException (exit 2) when nothing or more than one run matches
   */
  static RunHead resolve(List<RunHead> all, String reference, String location) {
    String ref = reference.strip();
    if (all.isEmpty()) {
      throw VisException.usage(location + " holds no runs yet (run `vis run SPEC` first)");
    }
    if (ref.equalsIgnoreCase("latest")) {
      return all.stream()
          .filter(r -> r.status() != RunStatus.RUNNING)
          .findFirst()
          .orElseThrow(() -> VisException.usage("every run in " + location + " is still running"));
    }
    for (RunHead run : all) {
      if (run.id().equalsIgnoreCase(ref)) {
        return run;
      }
    }
    int tilde = ref.lastIndexOf('~');
    String name = ref;
    int back = 0;
    if (tilde > 0 && ref.substring(tilde + 1).matches("\\d{1,6}")) {
      name = ref.substring(0, tilde);
      back = Integer.parseInt(ref.substring(tilde + 1));
    }
    String wanted = name;
    List<RunHead> named = all.stream().filter(r -> r.name().equals(wanted)).toList();
    if (!named.isEmpty()) {
      if (back >= named.size()) {
        throw VisException.usage(
            "run '" + ref + "': '" + name + "' has only " + named.size() + " run(s)");
      }
      return named.get(back);
    }
    if (ref.length() >= 4) {
      String prefix = ref.toUpperCase(Locale.ROOT);
      List<RunHead> matches = all.stream().filter(r -> r.id().startsWith(prefix)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.size() > 1) {
        int shown = Math.min(matches.size(), AMBIGUOUS_SHOWN);
        throw VisException.usage(
            "run '"
                + ref
                + "' is ambiguous: it starts "
                + matches.size()
                + " run ids ("
                + (shown < matches.size() ? "the newest " + shown + ": " : "")
                + matches.stream().limit(shown).map(RunHead::id).collect(Collectors.joining(", "))
                + "); give more characters");
      }
    }
    throw VisException.usage(
        "no run '"
            + ref
            + "' in "
            + location
            + " (give a run id, a prefix of at least 4 characters, 'latest', a spec name or"
            + " NAME~N; `vis runs` lists them)");
  }

  /**
   * The newest run of a spec name that can be resumed: not a replay, not owned by a live process,
   * and either not done or done with tasks left to answer.
   *
   * @param all every run, newest first
   */
  static Optional<RunSummary> newestUnfinished(List<RunSummary> all, String name) {
    return all.stream()
        .filter(r -> r.name().equals(name))
        .filter(r -> r.status() != RunStatus.RUNNING)
        .filter(r -> r.status() != RunStatus.DONE || r.failed() + r.pending() > 0)
        .filter(r -> r.sourceRunId().isEmpty())
        .findFirst();
  }
}
