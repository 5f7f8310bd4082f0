package dev.vis.provider;

import static dev.vis.provider.TestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.SimSpec;
import dev.vis.spec.SpecRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimProviderTest {
  private static final List<BrandSpec> BRANDS =
      List.of(
          SpecRecords.ACME_CRM,
          new BrandSpec("Globex", List.of(), List.of("globex.io"), List.of(), false, false),
          new BrandSpec("Initech", List.of("Initech Cloud"), List.of(), List.of(), false, false),
          new BrandSpec(
              "Umbrella Suite",
              List.of("Umbrella"),
              List.of("umbrella.example"),
              List.of("Umbrella insurance"),
              false,
              false),
          new BrandSpec("Hooli", List.of(), List.of("hooli.xyz"), List.of(), false, true));
  private static final Map<String, Double> RATES =
      Map.of("Acme CRM", 0.6, "Globex", 0.4, "Umbrella Suite", 0.1, "Hooli", 0.9);
  private static final List<String> PROMPT_SHAPES =
      List.of(
          "What is the best CRM for a %s?",
          "Which project management tool would you recommend for %s?",
          "Top customer support software for %s",
          "How do I choose an email marketing platform?",
          "Compare analytics tools for %s teams");
  private static final List<String> SEGMENTS =
      List.of(
          "small business",
          "startup",
          "agency",
          "enterprise",
          "nonprofit",
          "law firm",
          "remote team",
          "ecommerce store",
          "school",
          "hospital");

  private final SimProvider sim = new SimProvider(new SimSpec(7, RATES), BRANDS);

  private static List<ProviderRequest> corpus(int samples) {
    List<ProviderRequest> requests = new ArrayList<>();
    int id = 0;
    for (String shape : PROMPT_SHAPES) {
      for (String segment : SEGMENTS) {
        for (int sample = 1; sample <= samples; sample++) {
          requests.add(request("sim", "p" + id, shape.formatted(segment), sample));
        }
        id++;
      }
    }
    return requests;
  }

  private static List<String> answers(SimProvider provider, List<ProviderRequest> requests)
      throws Exception {
    List<String> texts = new ArrayList<>();
    for (ProviderRequest r : requests) {
      texts.add(provider.call(r).text());
    }
    return texts;
  }

  /**
   * Exact detection, independent of vis's matcher: a term as a whole word, excludes removed. (Not
   * NFKC: it would turn {@code Acme™} into {@code AcmeTM}.)
   */
  private static boolean names(String text, BrandSpec brand) {
    String t = text.replace('\u00A0', ' ');
    for (String exclude : brand.exclude()) {
      t =
          Pattern.compile(Pattern.quote(exclude), Pattern.CASE_INSENSITIVE)
              .matcher(t)
              .replaceAll(" ");
    }
    for (String term : brand.terms()) {
      String regex =
          "(?<![\\p{L}\\p{N}])"
              + Pattern.quote(term).replace(" ", "\\E\\s+\\Q")
              + "(?![\\p{L}\\p{N}])";
      int flags = brand.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      if (Pattern.compile(regex, flags).matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  @Nested
  class PlantedTruth {
    @Test
    void names_each_brand_about_as_often_as_its_planted_rate() throws Exception {
      List<String> texts = answers(sim, corpus(20));
      int n = texts.size();

      Map<String, Double> observed = new LinkedHashMap<>();
      for (BrandSpec brand : BRANDS) {
        long hits = texts.stream().filter(t -> names(t, brand)).count();
        observed.put(brand.name(), (double) hits / n);
      }

      for (BrandSpec brand : BRANDS) {
        double rate = RATES.getOrDefault(brand.name(), 0.5);
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / n);
        assertThat(observed.get(brand.name()))
            .as("%s over %d answers (all: %s)", brand.name(), n, observed)
            .isCloseTo(rate, org.assertj.core.data.Offset.offset(tolerance));
      }
    }

    @Test
    void never_names_a_brand_planted_at_zero_even_when_the_prompt_names_it() throws Exception {
      SimProvider never =
          new SimProvider(new SimSpec(1, Map.of("Globex", 0.0, "Acme CRM", 1.0)), BRANDS);

      for (int sample = 1; sample <= 200; sample++) {
        String text =
            never
                .call(request("sim", "vs", "Is Globex better than Acme CRM for a startup?", sample))
                .text();
        assertThat(names(text, BRANDS.get(1))).as(text).isFalse();
        assertThat(names(text, BRANDS.get(0))).as(text).isTrue();
      }
    }

    @Test
    void looks_up_rates_whatever_the_case_of_the_brand_name() throws Exception {
      SimProvider never = new SimProvider(new SimSpec(1, Map.of("hooli", 0.0)), BRANDS);

      for (String text : answers(never, corpus(2))) {
        assertThat(names(text, BRANDS.get(4))).as(text).isFalse();
      }
    }
  }

  @Nested
  class Determinism {
    @Test
    void gives_the_same_answer_to_the_same_seed_model_prompt_and_sample() throws Exception {
      ProviderRequest r =
          request("sim", "best-crm", "What is the best CRM for a small business?", 3);
      SimProvider again = new SimProvider(new SimSpec(7, RATES), BRANDS);

      assertThat(again.call(r)).isEqualTo(sim.call(r));
    }

    @Test
    void varies_the_answer_with_the_sample_the_seed_and_the_model() throws Exception {
      String prompt = "What is the best CRM for a small business?";
      String base = sim.call(request("sim", "best-crm", prompt, 1)).text();

      assertThat(sim.call(request("sim", "best-crm", prompt, 2)).text()).isNotEqualTo(base);
      assertThat(sim.call(request("sim-b", "best-crm", prompt, 1)).text()).isNotEqualTo(base);
      assertThat(
              new SimProvider(new SimSpec(8, RATES), BRANDS)
                  .call(request("sim", "best-crm", prompt, 1))
                  .text())
          .isNotEqualTo(base);
    }

    @Test
    void keys_answers_by_a_hash_that_does_not_depend_on_the_jvm() {
      // FNV-1a 64 of "7\0sim\0best-crm\01", computed independently; a change here changes
      // every simulated answer.
      assertThat(Long.toHexString(SimProvider.key(7, "sim", "best-crm", 1)))
          .isEqualTo("d12dd81673734d47");
    }
  }

  @Nested
  class Shapes {
    private final List<String> texts;

    Shapes() throws Exception {
      texts = answers(sim, corpus(4));
    }

    private long count(String regex) {
      Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
      return texts.stream().filter(t -> p.matcher(t).find()).count();
    }

    @Test
    void writes_numbered_bulleted_heading_table_and_prose_answers() {
      assertThat(count("^\\d+\\. ")).as("numbered").isPositive();
      assertThat(count("^\\d+\\) ")).as("numbered with parenthesis").isPositive();
      assertThat(count("^[-*•] ")).as("bulleted").isPositive();
      assertThat(count("^### \\d+\\. ")).as("numbered headings").isPositive();
      assertThat(count("^\\| ")).as("tables").isPositive();
      assertThat(count("^   - ")).as("nested lists").isPositive();
      assertThat(
              texts.stream()
                  .filter(
                      t ->
                          !Pattern.compile("^(\\d+[.)]|[-*•|]|###) ", Pattern.MULTILINE)
                              .matcher(t)
                              .find()))
          .as("prose")
          .isNotEmpty();
    }

    @Test
    void writes_links_bare_urls_aliases_decorations_and_repeated_names() {
      String domains = "(acme\\.com|globex\\.io|hooli\\.xyz|umbrella\\.example)";
      assertThat(count("\\[[^\\]]+\\]\\(https://[^)]*" + domains))
          .as("markdown links")
          .isPositive();
      assertThat(count("(?<!\\()https://\\S*" + domains)).as("bare URLs").isPositive();
      assertThat(count("\\bAcmeCRM\\b|\\bAcme\\b(?! CRM)(?! Anvil)")).as("aliases").isPositive();
      assertThat(count("\\*\\*(Acme CRM|Globex|Hooli)\\*\\*")).as("bold").isPositive();
      assertThat(count("(Acme CRM|Globex|Hooli|Initech)'s")).as("possessive").isPositive();
      assertThat(count("(Acme CRM|Globex|Hooli|Initech)™")).as("trademark sign").isPositive();
      assertThat(count("Acme Anvil")).as("exclude phrases").isPositive();
      assertThat(count("(?s)(Globex).*\\1")).as("a brand named twice").isPositive();
      assertThat(count("^1\\. [^\\n]*\\n(?:   - [^\\n]*\\n)?1\\. "))
          .as("lazy 1. 1. numbering")
          .isPositive();
    }

    @Test
    void shuffles_the_order_brands_appear_in() {
      long acmeFirst =
          texts.stream()
              .filter(t -> t.contains("Globex") && t.contains("Acme CRM"))
              .filter(t -> t.indexOf("Acme CRM") < t.indexOf("Globex"))
              .count();
      long globexFirst =
          texts.stream()
              .filter(t -> t.contains("Globex") && t.contains("Acme CRM"))
              .filter(t -> t.indexOf("Globex") < t.indexOf("Acme CRM"))
              .count();
      assertThat(acmeFirst).isPositive();
      assertThat(globexFirst).isPositive();
    }

    @Test
    void writes_between_60_and_250_words_about_the_prompts_topic() throws Exception {
      for (String text : texts) {
        long words = Pattern.compile("\\S*[\\p{L}\\p{N}]\\S*").matcher(text).results().count();
        assertThat(words).as(text).isBetween(60L, 250L);
      }
      String crm =
          sim.call(request("sim", "x", "What is the best CRM for a small business?", 1)).text();
      assertThat(crm).contains("CRM", "a small business");
    }

    @Test
    void writes_a_full_answer_even_with_no_brand_to_name() throws Exception {
      SimProvider bare = new SimProvider(new SimSpec(3, Map.of()), List.of());

      String text = bare.call(request("sim", "Which CRM is best for agencies?")).text();

      assertThat(text.split("\\s+").length).isGreaterThanOrEqualTo(60);
    }
  }

  @Nested
  class WireLikeFields {
    @Test
    void reports_tokens_like_a_real_provider() throws Exception {
      ProviderRequest r = request("sim", "What is the best CRM for a small business?");
      ProviderAnswer answer = sim.call(r);

      assertThat(answer.inputTokens()).hasValue(r.prompt().length() / 4 + 10);
      assertThat(answer.outputTokens()).hasValue(answer.text().length() / 4);
      assertThat(answer.finishReason()).contains("stop");
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.grounded()).isFalse();
      assertThat(answer.citations()).isEmpty();
    }

    @Test
    void keeps_a_raw_body_shaped_like_an_openai_chat_completion() throws Exception {
      ProviderAnswer answer =
          sim.call(request("sim", "What is the best CRM for a small business?"));

      JsonNode body = JsonMapper.builder().build().readTree(answer.rawBody());
      assertThat(body.path("object").asText()).isEqualTo("chat.completion");
      assertThat(body.path("choices").get(0).path("message").path("content").asText())
          .isEqualTo(answer.text());
      assertThat(body.path("usage").path("completion_tokens").asLong())
          .isEqualTo(answer.outputTokens().getAsLong());
      assertThat(answer.requestId()).contains(body.path("id").asText());
    }
  }

  @Nested
  class Latency {
    private final List<Duration> slept = new ArrayList<>();

    @Test
    void spends_its_latency_through_the_sleeper() throws Exception {
      SimProvider slow =
          new SimProvider(new SimSpec(7, RATES), BRANDS, Duration.ofMillis(100), slept::add);

      slow.call(request("sim", "Hi"));

      assertThat(slept).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void times_out_like_a_real_provider_when_slower_than_the_attempt_timeout() {
      SimProvider slow =
          new SimProvider(new SimSpec(7, RATES), BRANDS, Duration.ofSeconds(30), slept::add);

      RetryableProviderException e =
          catchThrowableOfType(
              RetryableProviderException.class, () -> slow.call(request("sim", "Hi")));

      assertThat(e).isNotNull();
      assertThat(slept).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void sleeps_not_at_all_by_default() throws Exception {
      SimProvider quick = new SimProvider(new SimSpec(7, RATES), BRANDS, Duration.ZERO, slept::add);

      quick.call(request("sim", "Hi"));

      assertThat(slept).isEmpty();
    }
  }
}
