package dev.vis.provider;

import static dev.vis.provider.TestSpecs.endpoint;
import static dev.vis.provider.TestSpecs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import dev.vis.spec.ProviderType;
import dev.vis.spec.SimSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProviderFactoryTest {
  private final ProviderFactory factory =
      new ProviderFactory(Map.of("OPENAI_API_KEY", "sk-test-key-value"), Clock.systemUTC());

  @Nested
  class Builds {
    @Test
    void a_sim_provider_for_sim_models() throws Exception {
      Provider sim =
          factory.create(
              TestSpecs.simModel("offline", new SimSpec(7, Map.of("Acme", 1.0))),
              TestSpecs.simEndpoint(),
              List.of(TestSpecs.brand("Acme", List.of(), List.of())));

      assertThat(sim).isInstanceOf(SimProvider.class);
      assertThat(sim.call(TestSpecs.request("sim", "Best CRM for agencies?")).text())
          .contains("Acme");
    }

    @Test
    void a_sim_provider_without_sim_settings() {
      assertThat(factory.create(model("s", "sim", "sim"), TestSpecs.simEndpoint(), List.of()))
          .isInstanceOf(SimProvider.class);
    }

    @Test
    void a_chat_completions_provider_for_openai_and_compatible_endpoints() {
      assertThat(
              factory.create(
                  model("m", "openai", "gpt-4o-mini"),
                  endpoint(
                      ProviderType.OPENAI,
                      "https://api.openai.com/v1",
                      Optional.of("OPENAI_API_KEY"),
                      Map.of()),
                  List.of()))
          .isInstanceOf(OpenAiChatProvider.class);
      assertThat(
              factory.create(
                  model("l", "local", "llama3.1"),
                  endpoint(
                      ProviderType.OPENAI_COMPATIBLE,
                      "http://localhost:11434/v1",
                      Optional.empty(),
                      Map.of()),
                  List.of()))
          .isInstanceOf(OpenAiChatProvider.class);
    }

    @Test
    void a_responses_provider_for_openai_models_with_web_search() {
      assertThat(
              factory.create(
                  TestSpecs.withWebSearch(model("m", "openai", "gpt-4o")),
                  endpoint(
                      ProviderType.OPENAI,
                      "https://api.openai.com/v1",
                      Optional.of("OPENAI_API_KEY"),
                      Map.of()),
                  List.of()))
          .isInstanceOf(ResponsesProvider.class);
    }

    @Test
    void chat_completions_for_xai_and_the_responses_api_when_it_may_search() {
      ProviderFactory withXaiKey =
          new ProviderFactory(Map.of("XAI_API_KEY", "xai-test-key-value"), Clock.systemUTC());
      var xai =
          endpoint(ProviderType.XAI, "https://api.x.ai/v1", Optional.of("XAI_API_KEY"), Map.of());

      assertThat(withXaiKey.create(model("grok", "xai", "grok-4"), xai, List.of()))
          .isInstanceOf(OpenAiChatProvider.class);
      assertThat(
              withXaiKey.create(
                  TestSpecs.withWebSearch(model("grok", "xai", "grok-4")), xai, List.of()))
          .isInstanceOf(ResponsesProvider.class);
    }
  }

  @Nested
  class Refuses {
    @Test
    void a_missing_api_key_naming_the_variable() {
      assertThatThrownBy(
              () ->
                  new ProviderFactory(Map.of(), Clock.systemUTC())
                      .create(
                          model("m", "openai", "gpt-4o-mini"),
                          endpoint(
                              ProviderType.OPENAI,
                              "https://api.openai.com/v1",
                              Optional.of("OPENAI_API_KEY"),
                              Map.of()),
                          List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void an_undefined_header_variable_without_showing_other_values() {
      assertThatThrownBy(
              () ->
                  factory.create(
                      model("r", "router", "gpt-4o"),
                      endpoint(
                          ProviderType.OPENAI_COMPATIBLE,
                          "https://openrouter.ai/api/v1",
                          Optional.of("OPENAI_API_KEY"),
                          Map.of("X-Token", "${ROUTER_TOKEN}")),
                      List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("ROUTER_TOKEN")
          .hasMessageNotContaining("sk-test-key-value");
    }

    @Test
    void a_header_the_http_client_may_not_set() {
      assertThatThrownBy(
              () ->
                  factory.create(
                      model("r", "router", "gpt-4o"),
                      endpoint(
                          ProviderType.OPENAI_COMPATIBLE,
                          "https://openrouter.ai/api/v1",
                          Optional.of("OPENAI_API_KEY"),
                          Map.of("Host", "evil.example")),
                      List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("'Host'");
    }

    @Test
    void web_search_on_an_openai_compatible_server() {
      assertThatThrownBy(
              () ->
                  factory.create(
                      TestSpecs.withWebSearch(model("r", "router", "gpt-4o")),
                      endpoint(
                          ProviderType.OPENAI_COMPATIBLE,
                          "https://openrouter.ai/api/v1",
                          Optional.of("OPENAI_API_KEY"),
                          Map.of()),
                      List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("web_search is not available for openai-compatible models")
          .hasMessageContaining("openai or xai");
    }

    @Test
    void an_xai_model_without_its_key_naming_the_variable() {
      assertThatThrownBy(
              () ->
                  factory.create(
                      model("grok", "xai", "grok-4"),
                      endpoint(
                          ProviderType.XAI,
                          "https://api.x.ai/v1",
                          Optional.of("XAI_API_KEY"),
                          Map.of()),
                      List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("XAI_API_KEY");
    }

    @Test
    void a_sim_latency_that_is_not_a_number() {
      assertThatThrownBy(
              () ->
                  new ProviderFactory(
                          Map.of(ProviderFactory.SIM_LATENCY_ENV, "fast"), Clock.systemUTC())
                      .create(model("s", "sim", "sim"), TestSpecs.simEndpoint(), List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining(ProviderFactory.SIM_LATENCY_ENV);
    }
  }
}
