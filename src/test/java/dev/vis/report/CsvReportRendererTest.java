package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.MetricDefinition;
import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {
  /** Rows per brand and cell: every rate, then mention count, average position, weighted. */
  static final int FIGURES = RateMetric.values().length + 3;

  static List<String> lines(ReportData data) throws IOException {
    return List.of(ReportRendererTest.render(ReportFormat.CSV, data).split("\r\n", -1));
  }

  @Nested
  class Tidy_rows {
    @Test
    void has_the_spec_header_and_one_row_per_cell_brand_and_metric() throws IOException {
      List<String> lines = lines(ReportFixture.sample());
      assertThat(lines.get(0))
          .isEqualTo(
              "run,brand,scope,scope_value,metric,value,ci_low,ci_high,n,numerator,denominator,"
                  + "grounding,prompt_set,directional");
      int cells = 1 + 2 + 3 + 1;
      int untracked = 2;
      BrandStanding standing = ReportFixture.sample().summary().standings().getFirst();
      int summary = 3 + standing.tiedWith().size();
      int definitions = 4 * MetricDefinition.all().size();
      assertThat(lines).hasSize(1 + summary + cells * 3 * FIGURES + untracked + definitions + 1);
      assertThat(lines.getLast()).isEmpty();
    }

    @Test
    void an_absent_average_position_is_an_empty_value() throws IOException {
      assertThat(lines(ReportFixture.sample()))
          .contains(
              "01JABCDEFGHJKMNPQRSTVWXYZ0,\"Pipe|<b>\"\"Co\"\"</b>\",prompt,cheap-crm,avg_position,,,,0,0,0,"
                  + "parametric,headline,true");
    }

    @Test
    void a_brand_a_spreadsheet_would_run_is_protected() throws IOException {
      assertThat(
              lines(
                  ReportFixture.overallOnly(
                      1, ReportFixture.brand("=cmd|' /C calc'!A0", 1, 10, 1, 1, 1, 1, 1, 1, 1, 0))))
          .filteredOn(line -> line.contains(",overall,"))
          .first()
          .asString()
          .startsWith("01JABCDEFGHJKMNPQRSTVWXYZ0,'=cmd|' /C calc'!A0,overall,,mention_rate,0.1,");
    }
  }

  @Nested
  class Summary_and_definitions {
    @Test
    void open_with_the_primary_brands_rate_rank_and_ties_from_the_shared_summary()
        throws IOException {
      ReportData data = ReportFixture.sample();
      BrandStanding s = data.summary().standings().getFirst();

      List<List<String>> rows = StrictCsv.read(ReportRendererTest.render(ReportFormat.CSV, data));

      assertThat(s.tiedWith()).as("the sample has a tie to show").isNotEmpty();
      List<String> expected = new ArrayList<>();
      expected.add(
          s.brand() + ",primary,mention_rate," + PlainNumber.text(s.mentionRate().value()));
      expected.add(s.brand() + ",primary,rank," + s.rank().getAsInt());
      expected.add(s.brand() + ",primary,tracked_brands," + s.brands());
      for (BrandFigures tied : s.tiedWith()) {
        expected.add(
            tied.brand() + ",tied,mention_rate," + PlainNumber.text(tied.mentionRate().value()));
      }
      assertThat(rows.subList(1, 1 + expected.size()))
          .extracting(r -> r.get(1) + "," + r.get(3) + "," + r.get(4) + "," + r.get(5))
          .containsExactlyElementsOf(expected);
      assertThat(rows.subList(1, 1 + expected.size()))
          .extracting(r -> r.get(2))
          .containsOnly("summary");
      assertThat(rows.get(1 + expected.size()).get(2)).isEqualTo("overall");
    }

    @Test
    void close_with_every_metrics_definition_in_four_rows() throws IOException {
      List<List<String>> rows =
          StrictCsv.read(ReportRendererTest.render(ReportFormat.CSV, ReportFixture.sample()));

      List<List<String>> definitions =
          rows.subList(rows.size() - 4 * MetricDefinition.all().size(), rows.size());
      int i = 0;
      for (MetricDefinition d : MetricDefinition.all()) {
        for (List<String> part :
            List.of(
                List.of("label", d.label()),
                List.of("numerator", d.numerator()),
                List.of("denominator", d.denominator()),
                List.of("interval", d.interval()))) {
          List<String> row = definitions.get(i++);
          assertThat(List.of(row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)))
              .containsExactly("", "definition", part.get(0), d.key(), part.get(1));
        }
      }
    }

    @Test
    void with_a_comparison_carry_each_gated_brands_verdict_the_primary_brand_first()
        throws IOException {
      ReportData data = ComparisonFixture.sample(RateMetric.MENTION_RATE, true);

      List<List<String>> summary =
          StrictCsv.read(ReportRendererTest.render(ReportFormat.CSV, data)).stream()
              .filter(r -> r.get(2).equals("summary") && r.get(4).equals("verdict"))
              .toList();

      assertThat(summary)
          .extracting(r -> r.get(1) + " " + r.get(3) + " " + r.get(5))
          .containsExactlyElementsOf(
              data.summary().changes().stream()
                  .map(
                      c ->
                          c.delta().brand()
                              + " 01JBASE00000000000000000000 "
                              + c.delta().verdict().name().toLowerCase(java.util.Locale.ROOT))
                  .toList());
      assertThat(summary.getFirst().get(1)).isEqualTo(ReportFixture.PRIMARY);
    }

    @Test
    void protect_a_primary_brand_a_spreadsheet_would_run() throws IOException {
      String hostile = "=HYPERLINK(\"http://x\",\"a, b\")";

      List<List<String>> rows =
          StrictCsv.read(
              ReportRendererTest.render(
                  ReportFormat.CSV,
                  ReportFixture.overallOnly(
                      1, ReportFixture.brand(hostile, 1, 10, 1, 1, 1, 1, 1, 1, 1, 0))));

      assertThat(rows.get(1).get(2)).isEqualTo("summary");
      assertThat(rows.get(1).get(1)).isEqualTo("'" + hostile);
    }
  }

  @Nested
  class No_data {
    @Test
    void every_figure_of_a_model_without_answers_is_empty_never_0() throws IOException {
      List<String[]> dead =
          lines(NoDataFixture.withDeadModel()).stream()
              .map(line -> line.split(",", -1))
              .filter(row -> row.length > 3 && row[3].equals(NoDataFixture.DEAD_MODEL))
              .toList();
      assertThat(dead).hasSize(3 * FIGURES);
      for (String[] row : dead) {
        assertThat(List.of(row[5], row[6], row[7])).as(String.join(",", row)).containsOnly("");
        assertThat(row[8]).as("n: no answers").isEqualTo("0");
      }
    }

    @Test
    void a_comparison_without_data_has_empty_values_and_the_verdict() throws IOException {
      List<String> rows =
          lines(ComparisonFixture.sample(RateMetric.MENTION_RATE, true)).stream()
              .filter(line -> line.contains(",Initech,comparison,"))
              .toList();
      assertThat(rows)
          .containsExactly(
              "01JABCDEFGHJKMNPQRSTVWXYZ0,Initech,comparison,01JBASE00000000000000000000,"
                  + "mention_rate_baseline,,,,0,0,0,,headline,",
              "01JABCDEFGHJKMNPQRSTVWXYZ0,Initech,comparison,01JBASE00000000000000000000,"
                  + "mention_rate_current,,,,0,0,0,,headline,",
              "01JABCDEFGHJKMNPQRSTVWXYZ0,Initech,comparison,01JBASE00000000000000000000,"
                  + "mention_rate_delta,,,,,,,,headline,",
              "01JABCDEFGHJKMNPQRSTVWXYZ0,Initech,comparison,01JBASE00000000000000000000,"
                  + "p_value,,,,,,,,headline,",
              "01JABCDEFGHJKMNPQRSTVWXYZ0,Initech,comparison,01JBASE00000000000000000000,"
                  + "verdict,no_data,,,,,,,headline,");
    }
  }
}
