package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advice {@code vis validate} gives about a valid spec. */
class SpecLintTest {
  @TempDir Path dir;

  List<String> lint(String brands, String prompts) {
    String yaml =
        "version: 1\nbrands:\n"
            + brands
            + "prompts:\n"
            + prompts
            + "models:\n  - {id: offline, provider: sim}\n";
    return SpecLint.check(SpecLoader.load("spec.yaml", yaml, dir, Map.of()), m -> true).stream()
        .map(LintWarning::toString)
        .toList();
  }

  @Test
  void names_and_aliases_that_are_common_words_warn() {
    List<String> warnings =
        lint(
            "  - {name: Monday, aliases: [monday.com]}\n"
                + "  - {name: Zoom}\n  - {name: Apple}\n  - {name: Notion}\n"
                + "  - {name: HubSpot}\n",
            "  - {id: p, text: \"Which CRM?\"}\n");
    assertThat(warnings)
        .hasSize(4)
        .allSatisfy(w -> assertThat(w).contains("is a common English word"));
    assertThat(warnings.get(0)).startsWith("spec.yaml:3:6: warning: brands[0].name: 'Monday'");
  }

  @Test
  void a_case_sensitive_common_word_warns_of_sentence_starts() {
    assertThat(lint("  - {name: Apple, case_sensitive: true}\n", "  - {id: p, text: \"Which?\"}\n"))
        .singleElement()
        .asString()
        .contains("answers that use the word at the start of a sentence will count as 'Apple'")
        .doesNotContain("set case_sensitive");
  }

  @Test
  void one_or_two_letters_warn_only_while_case_insensitive() {
    assertThat(
            lint(
                "  - {name: Hooli, aliases: [HP]}\n  - {name: GE, case_sensitive: true}\n",
                "  - {id: p, text: \"Which?\"}\n"))
        .singleElement()
        .asString()
        .startsWith("spec.yaml:3:29: warning: brands[0].aliases[0]: 'HP' is only 2 letter(s)");
  }

  @Test
  void a_matrix_of_branded_prompts_warns_once_at_its_id() {
    assertThat(
            lint(
                "  - {name: Acme CRM}\n",
                "  - id: acme-{seg}\n    text: Is Acme CRM good for {seg}?\n"
                    + "    vars: {seg: [startups, agencies]}\n"
                    + "  - {id: p, text: \"Which CRM?\"}\n"))
        .containsExactly(
            "spec.yaml:5:5: warning: prompts[0].id: 2 prompts ('acme-startups', …) name Acme"
                + " CRM: a branded prompt inflates the figures of the brands it names, so reports"
                + " keep it out of the headline figures (--include-branded pools it); ask without"
                + " the name to measure visibility");
  }

  @Test
  void a_clean_spec_has_no_warnings() {
    assertThat(
            lint("  - {name: Acme CRM, aliases: [AcmeCRM]}\n", "  - {id: p, text: \"Which?\"}\n"))
        .isEmpty();
  }
}
