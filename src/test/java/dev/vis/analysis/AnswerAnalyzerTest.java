package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerAnalyzerTest {

  static BrandSpec brand(String name, String... aliases) {
    return new BrandSpec(name, Arrays.asList(aliases), List.of(), List.of(), false, false);
  }

  static List<Mention> mentions(List<BrandSpec> brands, String text) {
    return new AnswerAnalyzer(brands).analyze(text, List.of()).mentions();
  }

  static List<String> named(List<BrandSpec> brands, String text) {
    return mentions(brands, text).stream().map(Mention::brand).toList();
  }

  /** Asserts that {@code text} names the brand {@code term} and no other. */
  static void assertFinds(String term, String text) {
    assertThat(named(List.of(brand(term)), text)).as("%s in %s", term, text).containsExactly(term);
  }

  static Mention only(BrandSpec brand, String text) {
    List<Mention> found = mentions(List.of(brand), text);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Nested
  class Normalisation {
    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "Acme | Try ＡＣＭＥ today", // full-width letters match their plain form
          "Fiber Co | I like ﬁber Co a lot", // ligatures match their letters
          "Acme CRM | Use Acme\u00A0CRM now", // a non-breaking space matches a space
          "Macy's | Shop at Macy\u2019s", // curly apostrophes match straight ones
          "Coca-Cola | Drink Coca\u2013Cola", // dashes match hyphens
          "Café Co | Visit Cafe\u0301 Co" // a combining accent matches the composed letter
        })
    void a_term_matches_text_in_another_unicode_form_of_it(String term, String text) {
      assertFinds(term, text);
    }

    @Test
    void a_trademark_sign_stays_a_separate_symbol() {
      Mention acme = only(brand("Acme"), "Acme™ and Acme® both");
      assertThat(acme.count()).isEqualTo(2);
    }

    @Test
    void offsets_count_code_points_of_the_original_text() {
      // 😀 is two chars but one code point; ﬁ expands to two letters; ＡＣＭＥ stays four.
      Mention acme = only(brand("Acme"), "😀ﬁ ＡＣＭＥ");
      assertThat(acme.firstOffset()).isEqualTo(3);
    }
  }

  @Nested
  class Case {
    @Test
    void matching_ignores_case_by_default() {
      assertThat(only(brand("Acme"), "ACME, acme and AcMe").count()).isEqualTo(3);
    }

    @Test
    void a_case_sensitive_brand_matches_only_as_written() {
      BrandSpec apple = new BrandSpec("Apple", List.of(), List.of(), List.of(), false, true);
      assertThat(only(apple, "an apple a day, said Apple").count()).isEqualTo(1);
    }

    @Test
    void a_case_sensitive_brand_excludes_only_as_written() {
      BrandSpec apple =
          new BrandSpec("Apple", List.of(), List.of(), List.of("Apple Pie"), false, true);
      assertThat(only(apple, "Apple pie by Apple, not Apple Pie").count()).isEqualTo(2);
    }
  }

  @Nested
  class Whitespace {
    @Test
    void a_space_in_a_term_matches_any_run_of_whitespace_and_line_breaks() {
      assertThat(only(brand("Acme CRM"), "Acme  \n\t CRM").count()).isEqualTo(1);
    }
  }

  @Nested
  class WordBoundaries {
    @Test
    void punctuation_around_a_term_is_a_boundary() {
      assertThat(only(brand("Acme"), "Acme's team, Acme-based tools (Acme)").count()).isEqualTo(3);
    }

    @Test
    void a_letter_or_digit_glued_to_a_term_is_not() {
      assertThat(named(List.of(brand("Acme")), "Acmex and xAcme and Acme2")).isEmpty();
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "Acme CRM | 推荐Acme CRM给你", // a Latin term inside a script without spaces
          "Acme | Acme를 추천합니다", // a Korean particle attached to a name
          "阿里云 | 我推荐阿里云服务", // a term of such a script inside a sentence
          "阿里云 | Try阿里云" // and right after a Latin word
        })
    void scripts_without_spaces_do_not_block_a_match(String term, String text) {
      assertFinds(term, text);
    }
  }

  @Nested
  class Overlaps {
    @Test
    void the_longest_term_wins_and_a_stretch_belongs_to_one_brand() {
      List<Mention> found = mentions(List.of(brand("Acme"), brand("Acme CRM")), "Acme CRM rocks");
      assertThat(found)
          .extracting(Mention::brand, Mention::count)
          .containsExactly(tuple("Acme CRM", 1));
    }

    @Test
    void overlapping_terms_of_one_brand_count_once() {
      assertThat(only(brand("Acme CRM", "Acme"), "Acme CRM, then Acme").count()).isEqualTo(2);
    }
  }

  @Nested
  class Excludes {
    @Test
    void text_inside_an_exclude_phrase_does_not_count_for_its_brand() {
      BrandSpec acme =
          new BrandSpec("Acme", List.of(), List.of(), List.of("Acme Anvil"), false, false);
      assertThat(only(acme, "The acme anvil is not Acme").firstOffset()).isEqualTo(22);
    }

    @Test
    void an_exclude_phrase_follows_word_boundaries() {
      BrandSpec acme =
          new BrandSpec("Acme", List.of(), List.of(), List.of("Acme Anvil"), false, false);
      assertThat(only(acme, "Acme Anvils are sold by Acme").count()).isEqualTo(2);
    }

    @Test
    void an_exclude_phrase_does_not_hide_another_brand() {
      BrandSpec acme =
          new BrandSpec("Acme", List.of(), List.of(), List.of("Acme Anvil"), false, false);
      assertThat(named(List.of(acme, brand("Anvil")), "Acme Anvil")).containsExactly("Anvil");
    }
  }

  @Nested
  class Links {
    @Test
    void a_bare_url_is_not_a_mention() {
      assertThat(named(List.of(brand("Acme")), "See https://acme.com/acme for more")).isEmpty();
    }

    @Test
    void a_markdown_link_target_is_not_a_mention_but_its_text_is() {
      Mention acme =
          only(brand("Acme"), "Try [Acme](https://acme.com/acme) or [docs](/acme/guide)");
      assertThat(acme.count()).isEqualTo(1);
      assertThat(acme.firstOffset()).isEqualTo(5);
    }
  }

  @Nested
  class Positions {
    @Test
    void brands_are_numbered_in_the_order_the_answer_first_names_them() {
      List<Mention> found =
          mentions(
              List.of(brand("Acme"), brand("Globex"), brand("Initech")),
              "Globex, then Acme, then Globex");
      assertThat(found)
          .extracting(Mention::brand, Mention::position, Mention::count, Mention::firstOffset)
          .containsExactly(tuple("Globex", 1, 2, 0), tuple("Acme", 2, 1, 13));
    }
  }

  @Nested
  class ListRank {
    @Test
    void the_first_mention_carries_the_rank_of_its_list_item() {
      List<Mention> found =
          mentions(List.of(brand("Acme"), brand("Globex")), "Acme leads.\n\n1. Globex\n2. Acme");
      assertThat(found)
          .extracting(Mention::brand, Mention::listRank)
          .containsExactly(tuple("Acme", OptionalInt.empty()), tuple("Globex", OptionalInt.of(1)));
    }
  }

  @Nested
  class Citations {
    final BrandSpec acme =
        new BrandSpec("Acme", List.of(), List.of("acme.com"), List.of(), false, false);
    final AnswerAnalyzer analyzer = new AnswerAnalyzer(List.of(acme));

    List<Citation> citations(String text, SourceRef... sources) {
      return analyzer.analyze(text, List.of(sources)).citations();
    }

    @Test
    void bare_and_markdown_urls_are_cited_without_trailing_punctuation() {
      assertThat(
              citations(
                  "See https://acme.com/a. Or (https://b.org/x), [c](https://c.net/y) and"
                      + " https://en.wikipedia.org/wiki/Acme_(company)."))
          .extracting(Citation::url)
          .containsExactly(
              "https://acme.com/a",
              "https://b.org/x",
              "https://c.net/y",
              "https://en.wikipedia.org/wiki/Acme_(company)");
    }

    @Test
    void domains_are_lower_case_without_www() {
      assertThat(citations("at https://WWW.Acme.COM:443/x"))
          .extracting(Citation::domain)
          .containsExactly("acme.com");
    }

    @Test
    void a_domain_title_stands_for_a_redirect_url() {
      SourceRef redirect =
          new SourceRef(
              "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC",
              Optional.of("docs.acme.com"),
              CitationKind.CITED);
      assertThat(citations("", redirect))
          .extracting(Citation::domain, Citation::brand)
          .containsExactly(tuple("docs.acme.com", Optional.of("Acme")));
    }

    @Test
    void a_subdomain_belongs_to_the_brand_and_a_lookalike_does_not() {
      assertThat(citations("https://docs.acme.com/x https://notacme.com/y"))
          .extracting(Citation::brand)
          .containsExactly(Optional.of("Acme"), Optional.empty());
    }

    @Test
    void utm_parameters_and_fragments_are_dropped_before_deduplication() {
      assertThat(
              citations(
                  "https://acme.com/p?utm_source=x&id=3#top and"
                      + " https://acme.com/p?id=3&utm_medium=y"))
          .extracting(Citation::url)
          .containsExactly("https://acme.com/p?id=3");
    }

    @Test
    void a_url_in_the_text_and_cited_by_the_provider_is_one_citation() {
      SourceRef cited = new SourceRef("https://acme.com/p#x", Optional.empty(), CitationKind.CITED);
      assertThat(citations("https://acme.com/p", cited))
          .extracting(Citation::url, Citation::kind)
          .containsExactly(tuple("https://acme.com/p", CitationKind.CITED));
    }

    @Test
    void a_retrieved_source_that_is_also_cited_counts_as_cited() {
      SourceRef retrieved =
          new SourceRef("https://acme.com/p", Optional.empty(), CitationKind.RETRIEVED);
      SourceRef other = new SourceRef("https://b.org/", Optional.empty(), CitationKind.RETRIEVED);
      SourceRef cited = new SourceRef("https://acme.com/p", Optional.empty(), CitationKind.CITED);
      assertThat(citations("", retrieved, other, cited))
          .extracting(Citation::url, Citation::kind)
          .containsExactly(
              tuple("https://acme.com/p", CitationKind.CITED),
              tuple("https://b.org/", CitationKind.RETRIEVED));
    }

    @Test
    void a_source_without_a_host_or_a_domain_title_is_left_out() {
      SourceRef broken = new SourceRef("not a url", Optional.of("Some page"), CitationKind.CITED);
      assertThat(citations("", broken)).isEmpty();
    }

    @Test
    void citations_keep_the_order_of_first_appearance() {
      SourceRef first = new SourceRef("https://z.org/", Optional.empty(), CitationKind.CITED);
      assertThat(citations("https://y.org/ then https://x.org/", first))
          .extracting(Citation::domain)
          .containsExactly("y.org", "x.org", "z.org");
    }
  }

  static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
