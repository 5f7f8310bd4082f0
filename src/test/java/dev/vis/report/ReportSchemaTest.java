package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real JSON reports against {@code docs/report.schema.json}, with the test-only validator. */
class ReportSchemaTest {
  static final Path SCHEMA = Path.of("docs", "report.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonSchemaValidator validator() throws IOException {
    return new JsonSchemaValidator(MAPPER.readTree(SCHEMA.toFile()));
  }

  /** Every violation of the schema by a rendered JSON report. */
  static java.util.List<String> violations(String json) throws IOException {
    return validator().errors(MAPPER.readTree(json));
  }

  @Test
  void the_sample_report_is_valid() throws IOException {
    assertThat(violations(ReportRendererTest.render(ReportFormat.JSON, ReportFixture.sample())))
        .isEmpty();
  }

  @Test
  void the_validator_catches_a_missing_count_an_unknown_key_and_a_wrong_type() throws IOException {
    ObjectNode doc =
        (ObjectNode)
            MAPPER.readTree(ReportRendererTest.render(ReportFormat.JSON, ReportFixture.sample()));
    doc.put("extra", 1);
    ((ObjectNode) doc.get("run")).put("tasks", "many");
    ((ObjectNode) doc.get("tallies")).remove("cells");
    assertThat(validator().errors(doc))
        .containsExactlyInAnyOrder(
            "$.extra: property not allowed",
            "$.run.tasks: expected \"integer\", got STRING",
            "$.tallies: missing required property 'cells'");
  }

  @Test
  void the_schema_uses_only_keywords_the_validator_checks() throws IOException {
    JsonNode empty = MAPPER.createObjectNode();
    assertThat(validator().errors(empty)).noneMatch(e -> e.contains("unsupported schema keyword"));
  }
}
