package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsReaderTest {
  @TempDir Path dir;

  /** MINIMAL with these lines (indented as under models:) in place of its sim model. */
  private List<String> problems(String models) {
    return new SpecFixture(dir)
        .problemsOfMinimalWith("  - id: offline\n    provider: sim\n", models);
  }

  @Nested
  class Refuses {
    @Test
    void an_unknown_provider_with_a_did_you_mean() {
      assertThat(
              problems(
                  """
                    - id: gpt
                      provider: opena1
                      model: gpt-4o
                  """))
          .containsExactly(
              "spec.yaml:9:5: models[0].provider: unknown provider 'opena1' (did you mean"
                  + " 'openai'?)");
    }

    @Test
    void an_unknown_provider_far_from_any_with_the_choices() {
      assertThat(problems("  - {id: x, provider: mistralai, model: m}\n"))
          .containsExactly(
              "spec.yaml:8:13: models[0].provider: unknown provider 'mistralai' (use a key of"
                  + " providers: or one of openai, anthropic, gemini, perplexity, xai,"
                  + " openai-compatible, sim)");
    }

    @Test
    void a_duplicate_model_id() {
      assertThat(
              problems(
                  """
                    - {id: offline, provider: sim}
                    - {id: offline, provider: sim, sim: {seed: 2}}
                  """))
          .containsExactly(
              "spec.yaml:9:6: models[1].id: duplicate model id 'offline' (first at spec.yaml:8:6)");
    }

    @Test
    void a_missing_model_name_off_sim() {
      assertThat(problems("  - {id: gpt, provider: openai}\n"))
          .containsExactly("spec.yaml:8:5: models[0].model: is required");
    }

    @Test
    void a_sim_block_on_a_model_that_is_not_sim() {
      assertThat(
              problems(
                  """
                    - id: gpt
                      provider: openai
                      model: gpt-4o
                      sim: {seed: 1}
                  """))
          .containsExactly(
              "spec.yaml:11:5: models[0].sim: only sim models take a sim: block (this model's"
                  + " provider type is openai)");
    }

    @Test
    void a_mention_rate_for_an_unknown_brand_and_one_out_of_range() {
      assertThat(
              problems(
                  """
                    - id: offline
                      provider: sim
                      sim:
                        mention_rate: {Acne: 0.5}
                    - id: offline2
                      provider: sim
                      sim:
                        mention_rate: {Acme: 1.5}
                  """))
          .containsExactly(
              "spec.yaml:11:22: models[0].sim.mention_rate.Acne: unknown brand 'Acne' (did you"
                  + " mean 'Acme'?)",
              "spec.yaml:15:22: models[1].sim.mention_rate.Acme: must be between 0 and 1, got 1.5");
    }

    @Test
    void plain_http_off_this_machine() {
      assertThat(
              problems(
                  """
                    - id: remote
                      provider: openai-compatible
                      base_url: http://10.0.0.5:11434/v1
                      model: llama3.1
                  """))
          .containsExactly(
              "spec.yaml:10:5: models[0].base_url: http://10.0.0.5:11434/v1 is not on this"
                  + " machine, so it must use https:// (API keys must not cross a network in"
                  + " clear); set allow_insecure_http: true to allow it");
    }

    @Test
    void a_malformed_url() {
      assertThat(
              problems(
                  """
                    - id: remote
                      provider: openai-compatible
                      base_url: localhost:11434
                      model: llama3.1
                  """))
          .containsExactly(
              "spec.yaml:10:5: models[0].base_url: malformed URL 'localhost:11434' (expected like"
                  + " https://api.example.com/v1)");
    }

    @Test
    void an_openai_compatible_model_without_a_base_url() {
      assertThat(problems("  - {id: local, provider: openai-compatible, model: llama3.1}\n"))
          .containsExactly(
              "spec.yaml:8:17: models[0].provider: openai-compatible needs a base_url, on the"
                  + " model or under providers: (like http://localhost:11434/v1)");
    }

    @Test
    void a_key_where_a_variable_name_belongs() {
      assertThat(problems("  - {id: gpt, provider: openai, model: m, api_key_env: sk-abc123}\n"))
          .containsExactly(
              "spec.yaml:8:43: models[0].api_key_env: 'sk-abc123' is not an environment variable"
                  + " name; write the variable's name (like OPENAI_API_KEY), never the key itself");
    }

    @Test
    void a_temperature_out_of_range() {
      assertThat(problems("  - {id: gpt, provider: openai, model: m, temperature: 3}\n"))
          .containsExactly("spec.yaml:8:43: models[0].temperature: must be between 0 and 2, got 3");
    }
  }

  @Nested
  class Accepts {
    @Test
    void plain_http_when_the_provider_allows_it() {
      RunSpec run =
          new SpecFixture(dir)
              .load(
                  SpecFixture.MINIMAL
                      + """
                        - {id: lan, provider: lan, model: llama3.1, base_url: "http://10.0.0.5:11434/v1"}
                      providers:
                        lan: {type: openai-compatible, allow_insecure_http: true, base_url: "http://10.0.0.6/v1"}
                      """);

      ModelSpec lan = run.models().get(1);
      assertThat(lan.allowInsecureHttp()).isTrue();
      assertThat(run.endpointOf(lan).type()).isEqualTo(ProviderType.OPENAI_COMPATIBLE);
      assertThat(run.endpointOf(lan).baseUrl().orElseThrow())
          .hasToString("http://10.0.0.5:11434/v1");
    }

    @Test
    void every_model_field() {
      RunSpec run =
          new SpecFixture(dir)
              .load(
                  SpecFixture.MINIMAL
                      + """
                        - id: gpt
                          provider: openai
                          model: gpt-4o
                          temperature: 0
                          max_tokens: 100
                          system: Be brief.
                          web_search: true
                          base_url: https://proxy.example.com/v1
                          api_key_env: PROXY_KEY
                          concurrency: 2
                          rpm: 60
                          tpm: 1000
                      """,
                  Map.of());

      ModelSpec gpt = run.models().get(1);
      assertThat(gpt.temperature()).hasValue(0.0);
      assertThat(gpt.maxTokens()).hasValue(100);
      assertThat(gpt.system()).hasValue("Be brief.");
      assertThat(gpt.webSearch()).isTrue();
      assertThat(gpt.apiKeyEnv()).hasValue("PROXY_KEY");
      assertThat(gpt.concurrency()).hasValue(2);
      assertThat(gpt.rpm()).hasValue(60);
      assertThat(gpt.tpm()).hasValue(1000);
      assertThat(run.endpointOf(gpt).apiKeyEnv()).hasValue("PROXY_KEY");
    }
  }
}
