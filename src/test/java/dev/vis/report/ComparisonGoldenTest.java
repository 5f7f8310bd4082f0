package dev.vis.report;

import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison part of each format, compared exactly with its golden file: a gate on the mention
 * rate, and a comparison of share of voice without a gate.
 */
class ComparisonGoldenTest {
  private static final String COMPARISON_HEADING = "\n## Comparison with the baseline\n";

  static String name(RateMetric metric, String extension) {
    return "comparison-" + (metric == RateMetric.MENTION_RATE ? "mention" : "share") + extension;
  }

  static ReportData data(RateMetric metric) {
    return ComparisonFixture.sample(metric, metric == RateMetric.MENTION_RATE);
  }

  @ParameterizedTest
  @EnumSource(
      value = RateMetric.class,
      names = {"MENTION_RATE", "SHARE_OF_VOICE"})
  void markdown_matches_its_golden_file(RateMetric metric) throws IOException {
    String md = ReportRendererTest.render(ReportFormat.MD, data(metric));
    int start = md.indexOf(COMPARISON_HEADING);
    int end = md.indexOf("\n## ", start + COMPARISON_HEADING.length());
    Golden.assertMatches(name(metric, ".md"), md.substring(start, end + 1));
  }

  @ParameterizedTest
  @EnumSource(
      value = RateMetric.class,
      names = {"MENTION_RATE", "SHARE_OF_VOICE"})
  void csv_matches_its_golden_file(RateMetric metric) throws IOException {
    String csv = ReportRendererTest.render(ReportFormat.CSV, data(metric));
    String rows =
        csv.lines()
            .filter(line -> line.split(",", -1)[2].equals("comparison"))
            .collect(Collectors.joining("\r\n", "", "\r\n"));
    Golden.assertMatches(name(metric, ".csv"), rows);
  }

  @ParameterizedTest
  @EnumSource(
      value = RateMetric.class,
      names = {"MENTION_RATE", "SHARE_OF_VOICE"})
  void json_matches_its_golden_file(RateMetric metric) throws IOException {
    String json = ReportRendererTest.render(ReportFormat.JSON, data(metric));
    Golden.assertMatches(name(metric, ".json"), json.substring(json.indexOf("  \"comparison\": ")));
  }
}
