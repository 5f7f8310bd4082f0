package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
  static String markdown(ReportData data) throws IOException {
    return ReportRendererTest.render(ReportFormat.MD, data);
  }

  static ReportData withPrimary(Optional<String> primary) {
    ReportData sample = ReportFixture.sample();
    return ReportData.of(
        sample.facts(), sample.metrics(), sample.slices(), sample.comparison(), primary);
  }

  @Test
  void a_primary_brand_behind_the_leader_reads_2nd_with_its_interval_and_ties() throws IOException {
    String md = markdown(withPrimary(Optional.of("Globex")));

    assertThat(md)
        .contains(
            "- **Globex ★** is named in **60.0%** of answers (95% interval 42.3–75.4%; 18/30),"
                + " **2nd of 3** tracked brands by mention rate.\n"
                + "- Statistically tied (overlapping intervals) with Acme at 70.0% (52.1–83.3).\n")
        .contains("| Globex ★ | 60.0%")
        .contains("| Acme | 70.0%")
        .contains("★ marks the primary brand, Globex.");
  }

  @Test
  void without_a_primary_brand_the_leader_stands_in_and_nothing_is_marked() throws IOException {
    String md = markdown(withPrimary(Optional.empty()));

    assertThat(md)
        .contains("_No brand is marked primary (`primary: true` in the spec);")
        .contains("- **Acme** is named in **70.0%** of answers")
        .doesNotContain("★");
  }

  @Test
  void the_definitions_say_what_every_rate_counts_and_over_what() throws IOException {
    String md = markdown(ReportFixture.sample());

    String definitions = md.substring(md.indexOf("\n## Definitions\n"));
    for (RateMetric metric : RateMetric.values()) {
      assertThat(definitions)
          .contains(
              "| "
                  + metric.label()
                  + " | "
                  + metric.definition().numerator()
                  + " | "
                  + metric.definition().denominator()
                  + " |");
    }
  }

  @Test
  void a_drop_and_a_brand_with_identical_answers_state_no_detectable_drop() throws IOException {
    String md = markdown(ComparisonFixture.sample(RateMetric.MENTION_RATE, true));
    String summary = md.substring(md.indexOf("## Summary"), md.indexOf("## Run"));

    assertThat(summary)
        .contains(
            "- Against the baseline (run 01JBASE00000000000000000000), the mention rate of Acme ★"
                + " moved −60.0 pp")
        .contains("**a real drop: the gate tripped**.\n")
        .containsPattern("the mention rate of Globex moved 0\\.0 pp .*: no real drop\\.\n")
        .contains("the mention rate of Initech: no data to compare");
    assertThat(summary.indexOf("Acme ★ moved")).isLessThan(summary.indexOf("Globex moved"));
  }
}
