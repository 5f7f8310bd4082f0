package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  @Test
  void suggests_the_closest_word_within_reach() {
    assertThat(DidYouMean.closest("opena1", List.of("anthropic", "openai", "openai-compatible")))
        .hasValue("openai");
  }

  @Test
  void ignores_case() {
    assertThat(DidYouMean.closest("Samples", List.of("samples"))).hasValue("samples");
  }

  @Test
  void suggests_nothing_for_a_short_word_far_from_all() {
    assertThat(DidYouMean.closest("x", List.of("id", "rpm"))).isEmpty();
  }

  @Test
  void counts_insertions_deletions_and_substitutions() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
  }
}
