package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.brand;
import static dev.vis.analysis.AnswerAnalyzerTest.named;
import static dev.vis.analysis.AnswerAnalyzerTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §6 v2: a space in a term matches a hyphen or nothing; {@code &} and {@code and} match. */
class TermShapesTest {
  @Test
  void a_space_in_a_term_matches_a_hyphen_or_nothing() {
    assertThat(only(brand("Demand IQ"), "Demand-IQ, DemandIQ and Demand\nIQ").count()).isEqualTo(3);
  }

  @Test
  void matching_nothing_still_needs_word_boundaries() {
    assertThat(named(List.of(brand("Acme CRM")), "AcmeCRMs and xAcmeCRM")).isEmpty();
  }

  @Test
  void an_ampersand_in_a_term_matches_the_word_and() {
    assertThat(only(brand("Smith & Jones"), "Smith and Jones, SMITH AND JONES").count())
        .isEqualTo(2);
  }

  @Test
  void the_word_and_in_a_term_matches_an_ampersand() {
    assertThat(only(brand("Smith and Jones"), "Smith & Jones or Smith&Jones").count()).isEqualTo(2);
  }

  @Test
  void and_matches_only_as_a_word_of_its_own() {
    assertThat(named(List.of(brand("Smith & Jones")), "Smithand Jones, Smith andJones")).isEmpty();
  }

  @Test
  void an_ampersand_inside_a_word_still_matches_itself() {
    assertThat(named(List.of(brand("AT&T")), "Call AT&T today")).containsExactly("AT&T");
  }

  @Test
  void exclude_phrases_follow_the_same_shapes() {
    BrandSpec acme =
        new BrandSpec("Acme", List.of(), List.of(), List.of("Acme Anvil"), false, false);
    assertThat(only(acme, "An Acme-Anvil, an AcmeAnvil, then Acme").count()).isEqualTo(1);
  }
}
