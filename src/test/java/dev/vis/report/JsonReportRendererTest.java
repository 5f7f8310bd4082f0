package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {
  static JsonNode json(ReportData data) throws IOException {
    return new ObjectMapper().readTree(ReportRendererTest.render(ReportFormat.JSON, data));
  }

  @Nested
  class Document {
    @Test
    void has_the_schema_and_sections_in_a_fixed_order() throws IOException {
      List<String> keys = new ArrayList<>();
      json(ReportFixture.sample()).fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsExactly(
              "schema",
              "run",
              "include_branded",
              "headline",
              "branded",
              "branded_prompts",
              "untracked_brands",
              "tallies",
              "comparison");
      assertThat(json(ReportFixture.sample()).get("schema").asText()).isEqualTo("vis.report/4");
    }

    @Test
    void every_rate_can_be_recomputed_from_its_counts() throws IOException {
      JsonNode acme =
          json(ReportFixture.sample()).get("headline").get("overall").get(0).get("brands").get(1);
      JsonNode rate = acme.get("mention_rate");
      assertThat(acme.get("brand").asText()).isEqualTo("Acme");
      assertThat(rate.get("numerator").asLong()).isEqualTo(21);
      assertThat(rate.get("denominator").asLong()).isEqualTo(30);
      assertThat(rate.get("value").asDouble()).isEqualTo(0.7);
      assertThat(rate.get("ci_low").asDouble()).isEqualTo(0.521242);
    }

    @Test
    void absent_values_are_null() throws IOException {
      JsonNode root = json(ReportFixture.data(ReportFixture.doneFacts(), ReportFixture.metrics()));
      JsonNode headline = root.get("headline");
      assertThat(headline.get("overall").get(0).get("value").isNull()).isTrue();
      assertThat(root.get("branded").isNull()).isTrue();
      assertThat(root.get("comparison").isNull()).isTrue();
      assertThat(root.get("run").get("cost_usd").isNull()).isTrue();
      assertThat(root.get("run").get("source_run_id").isNull()).isTrue();
      JsonNode neverNamed = headline.get("by_prompt").get(2).get("brands").get(2);
      assertThat(neverNamed.get("average_position").isNull()).isTrue();
      assertThat(headline.get("top_domains").get(0).get("domains").get(1).get("brand").isNull())
          .isTrue();
    }

    @Test
    void numbers_have_no_exponent_and_at_most_six_decimals() throws IOException {
      String text = ReportRendererTest.render(ReportFormat.JSON, ReportFixture.sample());
      assertThat(text)
          .doesNotContainPattern(": -?[0-9.]+[eE]")
          .doesNotContainPattern(": -?[0-9]+\\.[0-9]{7,}");
      assertThat(text).contains("\"average_position\": 2.666667,");
    }
  }

  @Nested
  class No_data {
    @Test
    void every_figure_of_a_model_without_answers_is_null_beside_its_zero_counts()
        throws IOException {
      JsonNode root = json(NoDataFixture.withDeadModel());
      JsonNode dead = root.get("headline").get("by_model").get(2);
      assertThat(dead.get("value").asText()).isEqualTo(NoDataFixture.DEAD_MODEL);
      assertThat(dead.get("answers").asLong()).isZero();
      for (JsonNode brand : dead.get("brands")) {
        for (RateMetric metric : RateMetric.values()) {
          String rate = metric.key();
          JsonNode p = brand.get(rate);
          assertThat(p.get("denominator").asLong()).as(rate).isZero();
          assertThat(List.of(p.get("value"), p.get("ci_low"), p.get("ci_high")))
              .as(rate)
              .allMatch(JsonNode::isNull);
        }
        assertThat(
                List.of(
                    brand.get("mention_count"),
                    brand.get("average_position"),
                    brand.get("position_weighted")))
            .allMatch(JsonNode::isNull);
      }
      assertThat(root.get("run").get("models_without_answers"))
          .extracting(JsonNode::asText)
          .containsExactly(NoDataFixture.DEAD_MODEL);
      assertThat(
              ReportSchemaTest.violations(
                  ReportRendererTest.render(ReportFormat.JSON, NoDataFixture.withDeadModel())))
          .isEmpty();
    }

    @Test
    void a_comparison_without_data_has_null_figures_and_names_the_model_left_out()
        throws IOException {
      String text =
          ReportRendererTest.render(
              ReportFormat.JSON, ComparisonFixture.sample(RateMetric.MENTION_RATE, true));
      JsonNode comparison = new ObjectMapper().readTree(text).get("comparison");
      JsonNode initech = comparison.get("brands").get(2);
      assertThat(initech.get("verdict").asText()).isEqualTo("no_data");
      assertThat(
              List.of(
                  initech.get("delta"),
                  initech.get("ci_low"),
                  initech.get("ci_high"),
                  initech.get("p_value"),
                  initech.get("current").get("value")))
          .allMatch(JsonNode::isNull);
      assertThat(comparison.get("unanswered_models"))
          .extracting(JsonNode::asText)
          .containsExactly("claude-haiku");
      assertThat(ReportSchemaTest.violations(text)).isEmpty();
    }
  }
}
