package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
  static String render(ReportFormat format, ReportData data) throws IOException {
    StringWriter out = new StringWriter();
    ReportRenderer.of(format).render(data, out);
    return out.toString();
  }

  @Nested
  class Golden_files {
    @Test
    void markdown_matches_its_golden_file() throws IOException {
      Golden.assertMatches("sample.md", render(ReportFormat.MD, ReportFixture.sample()));
    }

    @Test
    void csv_matches_its_golden_file() throws IOException {
      Golden.assertMatches("sample.csv", render(ReportFormat.CSV, ReportFixture.sample()));
    }

    @Test
    void json_matches_its_golden_file() throws IOException {
      Golden.assertMatches("sample.json", render(ReportFormat.JSON, ReportFixture.sample()));
    }
  }

  @Nested
  class Determinism {
    @Test
    void every_format_renders_the_same_characters_twice() throws IOException {
      for (ReportFormat format : ReportFormat.values()) {
        assertThat(render(format, ReportFixture.sample()))
            .isEqualTo(render(format, ReportFixture.sample()));
      }
    }
  }

  @Nested
  class Format_words {
    @Test
    void parse_case_insensitively() {
      assertThat(ReportFormat.parse("MD")).isEqualTo(ReportFormat.MD);
      assertThat(ReportFormat.parse("csv")).isEqualTo(ReportFormat.CSV);
      assertThat(ReportFormat.parse("Json")).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void an_unknown_word_is_a_usage_error_listing_the_choices() {
      assertThatThrownBy(() -> ReportFormat.parse("pdf"))
          .isInstanceOf(VisException.class)
          .hasMessage("--format: unknown value 'pdf' (expected one of md|csv|json|html)")
          .extracting(e -> ((VisException) e).exitCode())
          .isEqualTo(2);
    }
  }
}
