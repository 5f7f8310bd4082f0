package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final String MINIMAL = SpecFixture.MINIMAL;

  @TempDir Path dir;

  private RunSpec load(String yaml, Map<String, String> env) {
    return new SpecFixture(dir).load(yaml, env);
  }

  private RunSpec load(String yaml) {
    return load(yaml, Map.of());
  }

  private List<String> problems(String yaml) {
    return new SpecFixture(dir).problems(yaml);
  }

  @Nested
  class TheFullExample {
    @Test
    void loads_with_a_prompts_csv_beside_it() throws IOException {
      Files.writeString(
          dir.resolve("prompts.csv"),
          "id,text,tags\ncrm-cost,\"How much does a CRM cost, per seat?\",pricing;smb\n");
      Path spec = dir.resolve("crm.yaml");
      Files.copy(Path.of("src/test/resources/spec/full-example.yaml"), spec);

      LoadedSpec loaded = SpecLoader.load(spec, Map.of());
      RunSpec run = loaded.spec();

      assertThat(loaded.path()).isEqualTo(spec);
      assertThat(loaded.text()).isEqualTo(Files.readString(spec));
      assertThat(loaded.sha256()).hasSize(64).matches("[0-9a-f]+");
      assertThat(run.version()).isEqualTo(1);
      assertThat(run.name()).isEqualTo("crm-visibility");
      assertThat(run.brands())
          .containsExactly(
              SpecRecords.ACME_CRM,
              new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false));
      assertThat(run.prompts())
          .containsExactly(
              new PromptSpec(
                  "best-crm", "What is the best CRM for a small business?", List.of("crm", "smb")),
              new PromptSpec(
                  "crm-for-startup",
                  "Which CRM would you recommend for a startup company?",
                  List.of("segment=startup")),
              new PromptSpec(
                  "crm-for-agency",
                  "Which CRM would you recommend for a agency company?",
                  List.of("segment=agency")),
              new PromptSpec(
                  "crm-for-enterprise",
                  "Which CRM would you recommend for a enterprise company?",
                  List.of("segment=enterprise")),
              new PromptSpec(
                  "crm-cost", "How much does a CRM cost, per seat?", List.of("pricing", "smb")));
      assertThat(run.models())
          .extracting(ModelSpec::id)
          .containsExactly("gpt-4o-mini", "local-llama", "offline");
      ModelSpec gpt = run.models().get(0);
      assertThat(gpt.temperature()).hasValue(0.7);
      assertThat(gpt.maxTokens()).hasValue(800);
      assertThat(gpt.system()).hasValue("You are a helpful assistant.");
      assertThat(gpt.webSearch()).isFalse();
      assertThat(run.models().get(1).baseUrl()).hasValue(new BaseUrl("http://localhost:11434/v1"));
      assertThat(run.models().get(2).model()).isEqualTo("sim");
      assertThat(run.models().get(2).sim())
          .hasValue(new SimSpec(7, Map.of("Acme CRM", 0.6, "Globex", 0.4)));
      ProviderSpec openai = run.providers().get("openai");
      assertThat(openai.type()).isEqualTo(ProviderType.OPENAI);
      assertThat(openai.apiKeyEnv()).hasValue("OPENAI_API_KEY");
      assertThat(openai.concurrency()).isEqualTo(OptionalInt.of(8));
      assertThat(openai.rpm()).isEqualTo(OptionalInt.of(500));
      assertThat(openai.tpm()).isEqualTo(OptionalInt.of(200000));
      assertThat(run.samples()).isEqualTo(3);
      assertThat(run.concurrency()).isEqualTo(16);
      assertThat(run.timeout()).isEqualTo(Duration.ofSeconds(60));
      assertThat(run.retry()).isEqualTo(RetrySpec.DEFAULT);
      assertThat(run.budget()).hasValue(new BudgetSpec(new BigDecimal("5.00")));
      assertThat(run.pricing())
          .containsExactly(
              Map.entry("gpt-4o-mini", new Price(new BigDecimal("0.15"), new BigDecimal("0.60"))));
    }
  }

  @Nested
  class Defaults {
    @Test
    void fill_what_a_minimal_spec_leaves_out() {
      RunSpec run = load(MINIMAL);

      assertThat(run.name()).isEqualTo("spec");
      assertThat(run.samples()).isEqualTo(RunSpec.DEFAULT_SAMPLES);
      assertThat(run.concurrency()).isEqualTo(RunSpec.DEFAULT_CONCURRENCY);
      assertThat(run.timeout()).isEqualTo(RunSpec.DEFAULT_TIMEOUT);
      assertThat(run.retry()).isEqualTo(RetrySpec.DEFAULT);
      assertThat(run.budget()).isEmpty();
      assertThat(run.pricing()).isEmpty();
      assertThat(run.providers()).isEmpty();
      assertThat(run.brands().get(0).primary()).isFalse();
      assertThat(run.brands().get(0).caseSensitive()).isFalse();
      ModelSpec sim = run.models().get(0);
      assertThat(sim.model()).isEqualTo("sim");
      assertThat(sim.sim()).isEmpty();
      assertThat(sim.temperature()).isEmpty();
    }

    @Test
    void name_the_spec_after_its_file_without_yml() {
      LoadedSpec loaded = SpecLoader.load("nightly.yml", MINIMAL, dir, Map.of());

      assertThat(loaded.spec().name()).isEqualTo("nightly");
    }

    @Test
    void read_durations_in_milliseconds_seconds_minutes_and_hours() {
      RunSpec run =
          load(
              MINIMAL
                  + """
                  timeout: 500ms
                  retry: {max_attempts: 2, initial_delay: 2m, max_delay: 1h}
                  """);

      assertThat(run.timeout()).isEqualTo(Duration.ofMillis(500));
      assertThat(run.retry())
          .isEqualTo(new RetrySpec(2, Duration.ofMinutes(2), Duration.ofHours(1)));
    }

    @Test
    void give_a_provider_key_that_names_a_type_that_type() {
      RunSpec run =
          load(
              MINIMAL
                  + """
                  providers:
                    anthropic: {rpm: 50}
                  """);

      assertThat(run.providers().get("anthropic").type()).isEqualTo(ProviderType.ANTHROPIC);
    }
  }

  @Nested
  class Matrices {
    @Test
    void expand_every_combination_of_vars_in_declaration_order() {
      RunSpec run =
          load(
              SpecFixture.withPrompts(
                  """
                  prompts:
                    - id: crm-{size}-{region}
                      text: Best CRM for a {size} firm in {region}?
                      tags: [matrix]
                      vars: {size: [small, large], region: [EU, US]}
                  """));

      assertThat(run.prompts())
          .containsExactly(
              new PromptSpec(
                  "crm-small-eu",
                  "Best CRM for a small firm in EU?",
                  List.of("matrix", "size=small", "region=EU")),
              new PromptSpec(
                  "crm-small-us",
                  "Best CRM for a small firm in US?",
                  List.of("matrix", "size=small", "region=US")),
              new PromptSpec(
                  "crm-large-eu",
                  "Best CRM for a large firm in EU?",
                  List.of("matrix", "size=large", "region=EU")),
              new PromptSpec(
                  "crm-large-us",
                  "Best CRM for a large firm in US?",
                  List.of("matrix", "size=large", "region=US")));
    }
  }

  @Nested
  class Interpolation {
    @Test
    void replaces_variables_before_type_conversion() {
      RunSpec run =
          load(
              MINIMAL
                  + """
                  samples: ${SAMPLES}
                  budget: {max_usd: "${BUDGET}"}
                  """,
              Map.of("SAMPLES", "5", "BUDGET", "2.50"));

      assertThat(run.samples()).isEqualTo(5);
      assertThat(run.budget()).hasValue(new BudgetSpec(new BigDecimal("2.50")));
    }

    @Test
    void writes_a_literal_dollar_brace_for_a_doubled_dollar() {
      RunSpec run =
          load(
              SpecFixture.withPrompts(
                  """
                  prompts:
                    - id: p1
                      text: What does $${HOME} mean in ${SHELL_NAME}?
                  """),
              Map.of("SHELL_NAME", "bash"));

      assertThat(run.prompts().get(0).text()).isEqualTo("What does ${HOME} mean in bash?");
    }

    @Test
    void keeps_header_values_as_written() {
      RunSpec run =
          load(
              MINIMAL
                  + """
                  providers:
                    router:
                      type: openai-compatible
                      base_url: https://router.example.com/v1
                      headers: {Authorization: "Bearer ${ROUTER_KEY}", X-Team: vis}
                  """,
              Map.of("ROUTER_KEY", "secret"));

      assertThat(run.providers().get("router").headers())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("Authorization", "Bearer ${ROUTER_KEY}", "X-Team", "vis"));
    }
  }

  @Nested
  class Yaml12Scalars {
    @Test
    void keep_yes_no_on_and_off_as_strings() {
      RunSpec run =
          load(
              """
              version: 1
              brands:
                - name: Acme
                  aliases: [yes, no, on, off]
              prompts: [{id: p1, text: Hi}]
              models: [{id: offline, provider: sim}]
              """);

      assertThat(run.brands().get(0).aliases()).containsExactly("yes", "no", "on", "off");
    }

    @Test
    void refuse_yes_where_a_boolean_is_expected() {
      assertThat(problems(MINIMAL.replace("provider: sim", "provider: sim\n    web_search: yes")))
          .containsExactly(
              "spec.yaml:10:5: models[0].web_search: expected true or false, got 'yes'");
    }
  }

  @Test
  void the_file_overload_reports_a_missing_file_by_its_name() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> SpecLoader.load(missing, Map.of()))
        .isInstanceOf(SpecException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void the_price_seam_accepts_models_priced_elsewhere() {
    String yaml =
        """
        version: 1
        brands: [{name: Acme}]
        prompts: [{id: p1, text: Hi}]
        models: [{id: gpt, provider: openai, model: gpt-4o-mini}]
        budget: {max_usd: 1}
        """;

    RunSpec run =
        SpecLoader.load("spec.yaml", yaml, dir, Map.of(), m -> m.model().equals("gpt-4o-mini"))
            .spec();

    assertThat(run.budget()).isPresent();
    assertThat(run.models().get(0).provider()).isEqualTo("openai");
    assertThat(run.endpointOf(run.models().get(0)).baseUrl())
        .isEqualTo(ProviderType.OPENAI.defaultBaseUrl());
  }

  @Test
  void the_stored_text_is_as_written_and_its_hash_is_of_its_utf8_bytes() {
    LoadedSpec loaded = SpecLoader.load("spec.yaml", MINIMAL, dir, Map.of());

    assertThat(loaded.text()).isEqualTo(MINIMAL);
    assertThat(loaded.sha256())
        .isEqualTo(HexFormat.of().formatHex(sha256(MINIMAL.getBytes(StandardCharsets.UTF_8))));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
