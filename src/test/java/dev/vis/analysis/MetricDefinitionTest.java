package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricDefinitionTest {
  @Test
  void every_rate_is_defined_by_what_it_counts_and_over_what() {
    assertThat(RateMetric.MENTION_RATE.definition())
        .isEqualTo(
            new MetricDefinition(
                "mention_rate",
                "Mention rate",
                "answers that name the brand",
                "answers received",
                "95%: Wilson for one prompt, else a percentile bootstrap over prompts"));
    assertThat(RateMetric.PROMPT_COVERAGE.definition().numerator())
        .isEqualTo("prompts where at least one answer names the brand");
    assertThat(RateMetric.SHARE_OF_VOICE.definition().denominator())
        .isEqualTo("the same count summed over every tracked brand");
    assertThat(RateMetric.TOP1_RATE.definition().numerator())
        .isEqualTo("answers that name the brand first");
    assertThat(RateMetric.CITATION_RATE.definition().numerator())
        .isEqualTo("answers that cite one of the brand's domains");
  }

  @Test
  void the_list_holds_every_rate_in_order_then_the_position_figures() {
    assertThat(MetricDefinition.all())
        .extracting(MetricDefinition::key)
        .containsExactly(
            "mention_rate",
            "prompt_coverage",
            "share_of_voice",
            "top1_rate",
            "citation_rate",
            "average_position",
            "position_weighted");
  }
}
