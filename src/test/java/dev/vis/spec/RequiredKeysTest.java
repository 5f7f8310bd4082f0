package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredKeysTest {
  @TempDir Path dir;

  private RunSpec spec(String models) {
    return new SpecFixture(dir).load(SpecFixture.MINIMAL + models);
  }

  @Test
  void lists_each_unset_or_blank_variable_once_in_model_order() {
    RunSpec run =
        spec(
            """
              - {id: a, provider: openai, model: gpt-4o}
              - {id: b, provider: anthropic, model: claude}
              - {id: c, provider: openai, model: gpt-4o-mini}
              - {id: d, provider: xai, model: grok}
            """);

    assertThat(RequiredKeys.missing(run, Map.of("ANTHROPIC_API_KEY", " ", "XAI_API_KEY", "k")))
        .containsExactly("OPENAI_API_KEY", "ANTHROPIC_API_KEY");
  }

  @Test
  void needs_none_for_sim_or_a_loopback_openai_compatible_server() {
    RunSpec run =
        spec(
            """
              - {id: local, provider: openai-compatible, model: m, base_url: "http://127.0.0.1:8080/v1"}
            """);

    assertThat(RequiredKeys.missing(run, Map.of())).isEmpty();
  }

  @Test
  void needs_the_variable_a_loopback_server_names_explicitly() {
    RunSpec run =
        spec(
            """
              - id: local
                provider: openai-compatible
                model: m
                base_url: http://localhost:8080/v1
                api_key_env: LOCAL_KEY
            """);

    assertThat(RequiredKeys.missing(run, Map.of())).containsExactly("LOCAL_KEY");
  }

  @Test
  void uses_a_provider_variable_over_the_default() {
    RunSpec run =
        spec(
            """
              - {id: a, provider: openai, model: gpt-4o}
            providers:
              openai: {api_key_env: WORK_OPENAI_KEY}
            """);

    assertThat(RequiredKeys.missing(run, Map.of("OPENAI_API_KEY", "k")))
        .containsExactly("WORK_OPENAI_KEY");
  }
}
