package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.Cell;
import dev.vis.analysis.VisibilityMetrics;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {
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
      assertThat(lines).hasSize(1 + cells * 3 * 8 + 1);
      assertThat(lines.getLast()).isEmpty();
    }

    @Test
    void an_absent_average_position_is_an_empty_value() throws IOException {
      assertThat(lines(ReportFixture.sample()))
          .contains(
              "01JABCDEFGHJKMNPQRSTVWXYZ0,\"Pipe|<b>\"\"Co\"\"</b>\",prompt,cheap-crm,avg_position,,,,0,0,0,"
                  + "all,headline,true");
    }

    @Test
    void a_brand_a_spreadsheet_would_run_is_protected() throws IOException {
      VisibilityMetrics m =
          new VisibilityMetrics(
              new Cell(
                  "overall",
                  "",
                  10,
                  1,
                  false,
                  List.of(
                      ReportFixture.brand("=cmd|' /C calc'!A0", 1, 10, 1, 1, 1, 1, 1, 1, 1, 0))),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      assertThat(lines(ReportFixture.data(ReportFixture.doneFacts(), m)).get(1))
          .startsWith("01JABCDEFGHJKMNPQRSTVWXYZ0,'=cmd|' /C calc'!A0,overall,,mention_rate,0.1,");
    }
  }
}
