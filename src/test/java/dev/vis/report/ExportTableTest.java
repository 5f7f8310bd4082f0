package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExportTableTest {
  @Nested
  class Columns_of_spec_section_3 {
    @Test
    void responses() {
      assertThat(String.join(", ", ExportTable.RESPONSES.columns()))
          .isEqualTo(
              "run_id, task_id, prompt_id, prompt, model_id, provider, model, sample, status, text,"
                  + " error, attempts, latency_ms, input_tokens, output_tokens, cost_usd, grounded,"
                  + " created_at");
    }

    @Test
    void mentions() {
      assertThat(String.join(", ", ExportTable.MENTIONS.columns()))
          .isEqualTo(
              "run_id, task_id, prompt_id, model_id, sample, brand, count, position, list_rank,"
                  + " first_offset");
    }

    @Test
    void citations() {
      assertThat(String.join(", ", ExportTable.CITATIONS.columns()))
          .isEqualTo("run_id, task_id, prompt_id, model_id, sample, url, domain, brand, kind");
    }
  }

  @Nested
  class Words {
    @Test
    void tables_and_formats_parse_case_insensitively() {
      assertThat(ExportTable.parse("Mentions")).isEqualTo(ExportTable.MENTIONS);
      assertThat(ExportFormat.parse("JSONL")).isEqualTo(ExportFormat.JSONL);
      assertThat(ExportTable.CITATIONS.label()).isEqualTo("citations");
    }

    @Test
    void an_unknown_table_is_a_usage_error() {
      assertThatThrownBy(() -> ExportTable.parse("answers"))
          .isInstanceOf(VisException.class)
          .hasMessage("--table: unknown value 'answers' (expected one of responses|mentions|citations)");
    }
  }
}
