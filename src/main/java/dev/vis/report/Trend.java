package dev.vis.report;

import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import dev.vis.store.ServedModel;
import java.time.Instant;
import java.util.List;

/**
 * A spec's done runs over time (SPEC §3, {@code vis trend}): per brand and run, mention rate and
 * share of voice with intervals, the changes that survive the correction, and where the models or
 * brand rules changed.
 *
 * @param name the spec name
 * @param alpha the family-wise false-flag rate of the changes
 * @param runs the done runs, oldest first
 * @param brands every brand tracked by any of them, the newest run's spec order first
 * @param tests every tested (brand, step), in step then brand order
 * @param markers where consecutive runs asked other models, were served by other models or counted
 *     brands under other rules
 */
public record Trend(
    String name,
    double alpha,
    List<Run> runs,
    List<Series> brands,
    List<StepTest> tests,
    List<Marker> markers) {
  public Trend {
    runs = List.copyOf(runs);
    brands = List.copyOf(brands);
    tests = List.copyOf(tests);
    markers = List.copyOf(markers);
  }

  /** The changes that survive Holm's correction: the ones that are real. */
  public List<StepTest> changes() {
    return tests.stream().filter(StepTest::real).toList();
  }

  /**
   * One run of the trend.
   *
   * @param id its ULID
   * @param startedAt when it started
   * @param answers answers received
   * @param models the models it asked, as {@code id (provider model)}
   * @param servedModels per model asked, the models its provider said answered, most answers first
   */
  public record Run(
      String id,
      Instant startedAt,
      long answers,
      List<String> models,
      List<ServedModel> servedModels) {
    public Run {
      models = List.copyOf(models);
      servedModels = List.copyOf(servedModels);
    }
  }

  /**
   * One brand over the runs.
   *
   * @param brand its name
   * @param primary whether the newest run's spec marks it primary
   * @param points one per run, in run order
   */
  public record Series(String brand, boolean primary, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * One brand in one run: the headline figures {@code vis report} gives for that run.
   *
   * @param runId the run
   * @param mentionRate answers naming it / answers, with its 95% interval; no data when the run did
   *     not track it or has no answers
   * @param shareOfVoice its share of the tracked brands' mentions, with its interval
   */
  public record Point(String runId, Proportion mentionRate, Proportion shareOfVoice) {}

  /**
   * Something that changed between two consecutive runs besides the answers.
   *
   * @param from the older run's index
   * @param to the newer run's index
   * @param kind {@code models}, {@code served model} or {@code brand rules}
   * @param detail what changed and what to do
   */
  public record Marker(int from, int to, String kind, String detail) {}
}
