package dev.vis.report;

import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparison part of each format, compared exactly with its golden file: a gate on the mention
 * rate, and a comparison of share of voice without a gate. After a change to the comparison on
 * purpose, rewrite the golden files with {@code ./mvnw -Dtest=ComparisonGoldenTest
 * -Dgolden.update=true test} and review their diff.
 */
class ComparisonGoldenTest {
  private static final String COMPARISON_HEADING = "\n## Comparison with the baseline\n";

  static String name(RateMetric metric, String extension) {
    return "comparison-" + (metric == RateMetric.MENTION_RATE ? "mention" : "share") + extension;
  }

  /** A gate on the mention rate; a comparison of share of voice without a gate. */
  static List<RateMetric> metrics() {
    return List.of(RateMetric.MENTION_RATE, RateMetric.SHARE_OF_VOICE);
  }

  static ReportData data(RateMetric metric) {
    return ComparisonFixture.sample(metric, metric == RateMetric.MENTION_RATE);
  }

  @ParameterizedTest
  @MethodSource("metrics")
  void markdown_matches_its_golden_file(RateMetric metric) throws IOException {
    String md = ReportRendererTest.render(ReportFormat.MD, data(metric));
    int start = md.indexOf(COMPARISON_HEADING);
    int end = md.indexOf("\n## ", start + COMPARISON_HEADING.length());
    Golden.assertMatches(name(metric, ".md"), md.substring(start, end + 1));
  }

  @ParameterizedTest
  @MethodSource("metrics")
  void csv_matches_its_golden_file(RateMetric metric) throws IOException {
    String csv = ReportRendererTest.render(ReportFormat.CSV, data(metric));
    String rows =
        csv.lines()
            .filter(line -> line.split(",", -1)[2].equals("comparison"))
            .collect(Collectors.joining("\r\n", "", "\r\n"));
    Golden.assertMatches(name(metric, ".csv"), rows);
  }

  @ParameterizedTest
  @MethodSource("metrics")
  void json_matches_its_golden_file(RateMetric metric) throws IOException {
    String json = ReportRendererTest.render(ReportFormat.JSON, data(metric));
    Golden.assertMatches(name(metric, ".json"), json.substring(json.indexOf("  \"comparison\": ")));
  }
}
