package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersReaderTest {
  @TempDir Path dir;

  @Test
  void refuses_a_name_that_is_no_type_without_a_type() {
    assertThat(
            new SpecFixture(dir).problems(SpecFixture.MINIMAL + "providers:\n  openia: {rpm: 5}\n"))
        .containsExactly(
            "spec.yaml:11:3: providers.openia: 'openia' is not a built-in provider type, so it"
                + " needs type: (one of openai, anthropic, gemini, perplexity, xai,"
                + " openai-compatible, sim) (did you mean 'openai'?)");
  }

  @Test
  void refuses_an_unknown_type() {
    assertThat(
            new SpecFixture(dir)
                .problems(SpecFixture.MINIMAL + "providers:\n  local: {type: olama}\n"))
        .containsExactly(
            "spec.yaml:11:11: providers.local.type: unknown provider type 'olama' (one of openai,"
                + " anthropic, gemini, perplexity, xai, openai-compatible, sim)");
  }

  @Test
  void does_not_also_call_a_broken_provider_unknown_in_its_models() {
    String yaml =
        SpecFixture.MINIMAL.replace("provider: sim", "provider: local\n    model: m")
            + "providers:\n  local: {type: openai-compatible, base_url: \"ftp://x\"}\n";

    assertThat(new SpecFixture(dir).problems(yaml))
        .containsExactly(
            "spec.yaml:12:36: providers.local.base_url: malformed URL 'ftp://x' (expected like"
                + " https://api.example.com/v1)");
  }

  @Test
  void reads_two_endpoints_of_one_type_with_their_own_limits() {
    RunSpec run =
        new SpecFixture(dir)
            .load(
                SpecFixture.MINIMAL
                    + """
                      - {id: a, provider: local, model: llama3.1}
                      - {id: b, provider: router, model: gpt-4o}
                    providers:
                      local: {type: openai-compatible, base_url: "http://localhost:11434/v1", concurrency: 2}
                      router: {type: openai-compatible, base_url: "https://router.example.com/v1", rpm: 100, api_key_env: ROUTER_KEY}
                    """);

    assertThat(run.endpointOf(run.models().get(1)).concurrency()).hasValue(2);
    assertThat(run.endpointOf(run.models().get(1)).apiKeyEnv()).isEmpty();
    assertThat(run.endpointOf(run.models().get(2)).rpm()).hasValue(100);
    assertThat(run.endpointOf(run.models().get(2)).apiKeyEnv()).hasValue("ROUTER_KEY");
  }
}
