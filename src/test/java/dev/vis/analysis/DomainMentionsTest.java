package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.tuple;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 v2: a brand's domains written in prose are mentions by the rule domain, and citations.
 */
class DomainMentionsTest {
  static final BrandSpec ACME =
      new BrandSpec("Acme CRM", List.of("Acme"), List.of("acme.com"), List.of(), false, false);

  static AnswerAnalysis analyze(String text, BrandSpec... brands) {
    return new AnswerAnalyzer(List.of(brands)).analyze(text, List.of());
  }

  @Test
  void a_domain_in_prose_is_a_mention_by_the_rule_domain_and_a_cited_citation() {
    AnswerAnalysis found = analyze("Sign up at acme.com today.", ACME);
    assertThat(found.mentions())
        .extracting(Mention::brand, Mention::rule, Mention::firstOffset)
        .containsExactly(tuple("Acme CRM", MatchRule.DOMAIN, 11));
    assertThat(found.citations())
        .extracting(Citation::url, Citation::domain, Citation::brand, Citation::kind)
        .containsExactly(
            tuple("acme.com", "acme.com", Optional.of("Acme CRM"), CitationKind.CITED));
  }

  @Test
  void a_domain_takes_its_subdomain_and_its_path_along() {
    AnswerAnalysis found = analyze("See www.Acme.com or docs.acme.com/pricing.", ACME);
    assertThat(found.mentions()).extracting(Mention::count).containsExactly(2);
    assertThat(found.citations())
        .extracting(Citation::url, Citation::domain)
        .containsExactly(
            tuple("www.Acme.com", "acme.com"), tuple("docs.acme.com/pricing", "docs.acme.com"));
  }

  @Test
  void a_longer_host_that_ends_or_starts_like_the_domain_is_not_it() {
    BrandSpec acme =
        new BrandSpec("Acme CRM", List.of(), List.of("acme.com"), List.of(), false, false);
    AnswerAnalysis found = analyze("notacme.com, my-acme.com and acme.com.au", acme);
    assertThat(found.mentions()).isEmpty();
    assertThat(found.citations()).isEmpty();
  }

  @Test
  void an_e_mail_address_is_not_a_domain_mention_nor_a_citation() {
    BrandSpec acme = new BrandSpec("Acme", List.of(), List.of("acme.com"), List.of(), false, false);
    AnswerAnalysis found = analyze("Write to sales@acme.com", acme);
    assertThat(found.mentions()).extracting(Mention::rule).containsExactly(MatchRule.NAME);
    assertThat(found.citations()).isEmpty();
  }

  @Test
  void a_brand_name_that_looks_like_a_domain_is_still_a_name() {
    BrandSpec instantly =
        new BrandSpec("Instantly.ai", List.of(), List.of("instantly.ai"), List.of(), false, false);
    assertThat(analyze("Instantly.ai sends e-mail", instantly).mentions())
        .extracting(Mention::rule)
        .containsExactly(MatchRule.NAME);
  }

  @Test
  void the_rule_is_the_first_mentions_rule() {
    assertThat(analyze("Acme, then Acme CRM", ACME).mentions())
        .extracting(Mention::rule, Mention::count)
        .containsExactly(tuple(MatchRule.ALIAS, 2));
  }
}
