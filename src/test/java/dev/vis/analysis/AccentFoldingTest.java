package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.brand;
import static dev.vis.analysis.AnswerAnalyzerTest.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC §6 v2: case-insensitive terms ignore accents on Latin, Greek and Cyrillic letters. */
class AccentFoldingTest {
  static BrandSpec accentSensitive(String name, String... exclude) {
    return new BrandSpec(name, List.of(), List.of(), List.of(exclude), false, false, true);
  }

  @Nested
  class Folds {
    @Test
    void an_unaccented_term_matches_accented_text() {
      assertThat(named(List.of(brand("L'Oreal")), "Buy L’Oréal serum")).containsExactly("L'Oreal");
      assertThat(named(List.of(brand("Nestle")), "Nestlé cereals")).containsExactly("Nestle");
      assertThat(named(List.of(brand("Toteme")), "A TOTÊME coat")).containsExactly("Toteme");
    }

    @Test
    void an_accented_term_matches_unaccented_text() {
      assertThat(named(List.of(brand("Nestlé")), "NESTLE cereals")).containsExactly("Nestlé");
    }

    @Test
    void greek_and_cyrillic_letters_lose_their_accents() {
      assertThat(named(List.of(brand("Αθηνά")), "Η ΑΘΗΝΑ είναι")).containsExactly("Αθηνά");
      assertThat(named(List.of(brand("Ёлка")), "Магазин елка")).containsExactly("Ёлка");
    }

    @Test
    void letters_with_a_stroke_lose_it() {
      assertThat(named(List.of(brand("Lodz Tools")), "Łódź Tools")).containsExactly("Lodz Tools");
    }

    @Test
    void a_combining_accent_with_no_composed_letter_is_passed_over() {
      // q with a combining acute has no precomposed form, so the mark stays in the text
      assertThat(named(List.of(brand("Quest")), "Try Q\u0301uest now")).containsExactly("Quest");
    }

    @Test
    void exclude_phrases_fold_accents_too() {
      BrandSpec nestle =
          new BrandSpec("Nestle", List.of(), List.of(), List.of("Nestlé Waters"), false, false);
      assertThat(named(List.of(nestle), "Nestle Waters, not the cereal")).isEmpty();
    }
  }

  @Nested
  class KeepsSignificantMarks {
    @Test
    void kana_voicing_marks_stay_significant() {
      assertThat(named(List.of(brand("ガスト")), "カストで")).isEmpty();
      assertThat(named(List.of(brand("ガスト")), "ガストで")).containsExactly("ガスト");
    }

    @Test
    void arabic_hamza_stays_significant() {
      assertThat(named(List.of(brand("أمازون")), "من امازون")).isEmpty();
      assertThat(named(List.of(brand("أمازون")), "من أمازون")).containsExactly("أمازون");
    }
  }

  @Nested
  class TurnedOff {
    @Test
    void an_accent_sensitive_brand_keeps_its_accents_but_still_ignores_case() {
      List<BrandSpec> brands = List.of(accentSensitive("Nestlé"));
      assertThat(named(brands, "Nestle cereals")).isEmpty();
      assertThat(named(brands, "NESTLÉ cereals")).containsExactly("Nestlé");
    }

    @Test
    void a_case_sensitive_brand_keeps_its_accents() {
      BrandSpec nestle = new BrandSpec("Nestlé", List.of(), List.of(), List.of(), false, true);
      assertThat(named(List.of(nestle), "Nestle cereals")).isEmpty();
    }
  }
}
