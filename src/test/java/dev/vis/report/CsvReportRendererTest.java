package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.Breakdown;
import dev.vis.analysis.RateMetric;
import java.io.IOException;
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
      assertThat(lines).hasSize(1 + cells * 3 * FIGURES + untracked + 1);
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
      Breakdown m =
          new Breakdown(
              List.of(
                  ReportFixture.cell(
                      "overall",
                      "",
                      10,
                      1,
                      false,
                      List.of(
                          ReportFixture.brand(
                              "=cmd|' /C calc'!A0", 1, 10, 1, 1, 1, 1, 1, 1, 1, 0)))),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      assertThat(lines(ReportFixture.data(ReportFixture.doneFacts(), m)).get(1))
          .startsWith("01JABCDEFGHJKMNPQRSTVWXYZ0,'=cmd|' /C calc'!A0,overall,,mention_rate,0.1,");
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
