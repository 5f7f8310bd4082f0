package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.tuple;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC §6 v2: citation chips are citations only, and bare URLs end where URLs must. */
class CitationChipsTest {
  static final List<BrandSpec> BRANDS =
      List.of(AnswerAnalyzerTest.brand("Acme CRM", "acme.com"), AnswerAnalyzerTest.brand("Globex"));

  static AnswerAnalysis analyze(String text) {
    return new AnswerAnalyzer(BRANDS).analyze(text, List.of());
  }

  static List<String> named(String text) {
    return analyze(text).mentions().stream().map(Mention::brand).toList();
  }

  static List<String> urls(String text) {
    return analyze(text).citations().stream().map(Citation::url).toList();
  }

  @Nested
  class Chips {
    @Test
    void a_link_labelled_with_a_host_is_a_citation_only() {
      String text = "Compare plans [acme.com](https://acme.com/x).";
      assertThat(named(text)).isEmpty();
      assertThat(urls(text)).containsExactly("https://acme.com/x");
    }

    @Test
    void links_labelled_with_a_url_or_a_number_are_chips() {
      assertThat(ChipScanner.isChipLabel("https://acme.com/p")).isTrue();
      assertThat(ChipScanner.isChipLabel("3")).isTrue();
      assertThat(ChipScanner.isChipLabel("[3]")).isTrue();
      assertThat(ChipScanner.isChipLabel("**docs.acme.com/guide**")).isTrue();
      assertThat(ChipScanner.isChipLabel("Acme CRM")).isFalse();
    }

    @Test
    void a_group_that_holds_only_links_is_a_chip_whatever_the_labels() {
      String text = "Both work ([Acme CRM pricing](https://acme.com/p), [Globex](https://g.org/))";
      assertThat(named(text)).isEmpty();
      assertThat(urls(text)).containsExactly("https://acme.com/p", "https://g.org/");
    }

    @Test
    void a_link_with_another_label_is_ordinary_text() {
      assertThat(named("[Acme CRM](https://acme.com) is good")).containsExactly("Acme CRM");
      assertThat(named("(see [Globex](https://g.org/) for more)")).containsExactly("Globex");
    }

    @Test
    void a_reference_definition_line_is_a_citation_only() {
      String text = "Acme CRM leads.[1]\n\n[1]: https://acme.com/report \"Globex report\"";
      assertThat(named(text)).containsExactly("Acme CRM");
      assertThat(urls(text)).containsExactly("https://acme.com/report");
    }

    @Test
    void a_footnote_line_is_a_citation_only() {
      assertThat(named("Acme CRM leads.[^1]\n\n[^1]: Globex annual report, 2024"))
          .containsExactly("Acme CRM");
    }
  }

  @Nested
  class UrlEnds {
    @Test
    void a_bare_url_ends_at_an_em_or_en_dash() {
      String text = "https://acme.com/x—Globex and https://g.org/y–Globex";
      assertThat(urls(text)).containsExactly("https://acme.com/x", "https://g.org/y");
      assertThat(analyze(text).mentions())
          .extracting(Mention::brand, Mention::count)
          .containsExactly(tuple("Globex", 2));
    }

    @Test
    void a_bare_url_ends_at_cjk_punctuation_and_full_width_brackets() {
      assertThat(urls("见https://acme.com/x。Globex（https://g.org/y）"))
          .containsExactly("https://acme.com/x", "https://g.org/y");
    }

    @Test
    void a_bare_url_keeps_letters_of_any_script() {
      assertThat(urls("https://zh.wikipedia.org/wiki/阿里云 ok"))
          .containsExactly("https://zh.wikipedia.org/wiki/阿里云");
    }
  }
}
