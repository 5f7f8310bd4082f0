package dev.vis.report;

import dev.vis.analysis.RunTallies;
import java.util.Objects;

/**
 * The run a comparison starts from, read from the database or from a JSON report file.
 *
 * @param source how the user named it: a run reference or a file path
 * @param facts the baseline run's facts
 * @param tallies its per-(prompt, model, brand) counts
 */
public record Baseline(String source, RunFacts facts, RunTallies tallies) {
  public Baseline {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(tallies, "tallies");
  }
}
