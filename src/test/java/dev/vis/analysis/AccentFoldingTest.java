package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.assertFinds;
import static dev.vis.analysis.AnswerAnalyzerTest.brand;
import static dev.vis.analysis.AnswerAnalyzerTest.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §6 v2: case-insensitive terms ignore accents on Latin, Greek and Cyrillic letters. */
class AccentFoldingTest {
  static BrandSpec accentSensitive(String name, String... exclude) {
    return new BrandSpec(name, List.of(), List.of(), List.of(exclude), false, false, true);
  }

  @Nested
  class Folds {
    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            # an unaccented term matches accented text
            L'Oreal | Buy L’Oréal serum
            Nestle | Nestlé cereals
            Toteme | A TOTÊME coat
            # an accented term matches unaccented text
            Nestlé | NESTLE cereals
            # Greek and Cyrillic letters lose their accents
            Αθηνά | Η ΑΘΗΝΑ είναι
            Ёлка | Магазин елка
            # letters with a stroke lose it
            Lodz Tools | Łódź Tools
            # q with a combining acute has no precomposed form: the mark stays and is passed over
            Quest | Try Q\u0301uest now
            """)
    void a_term_matches_text_that_differs_only_in_accents(String term, String text) {
      assertFinds(term, text);
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
