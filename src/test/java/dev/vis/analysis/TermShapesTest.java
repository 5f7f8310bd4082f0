package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.brand;
import static dev.vis.analysis.AnswerAnalyzerTest.named;
import static dev.vis.analysis.AnswerAnalyzerTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §6 v2: a space in a term matches a hyphen or nothing; {@code &} and {@code and} match. */
class TermShapesTest {
  @ParameterizedTest(name = "{0} in \"{1}\": {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a space matches a hyphen or nothing (\\n: a line break)
        "Demand IQ | Demand-IQ, DemandIQ and Demand\\nIQ | 3",
        "Smith & Jones | Smith and Jones, SMITH AND JONES | 2", // & matches the word and
        "Smith and Jones | Smith & Jones or Smith&Jones | 2" // and the word and matches &
      })
  void a_term_matches_its_other_shapes(String term, String text, int count) {
    assertThat(only(brand(term), text.replace("\\n", "\n")).count()).isEqualTo(count);
  }

  @ParameterizedTest(name = "{0} in \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Acme CRM | AcmeCRMs and xAcmeCRM", // matching nothing still needs word boundaries
        "Smith & Jones | Smithand Jones, Smith andJones" // and matches only as a word of its own
      })
  void other_shapes_still_need_word_boundaries(String term, String text) {
    assertThat(named(List.of(brand(term)), text)).isEmpty();
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
