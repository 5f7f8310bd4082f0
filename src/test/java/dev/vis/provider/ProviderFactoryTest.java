package dev.vis.provider;

import static dev.vis.provider.TestSpecs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.SimSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProviderFactoryTest {
  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-test-key-value", "XAI_API_KEY", "xai-test-key-value");
  private static final String OPENAI = "https://api.openai.com/v1";
  private static final String ROUTER = "https://openrouter.ai/api/v1";

  private static Provider create(ModelSpec model, ProviderType type, String baseUrl) {
    return TestSpecs.provider(ENV, type, baseUrl, model, Map.of());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(
      Map<String, String> env,
      ModelSpec model,
      ProviderType type,
      String baseUrl,
      Map<String, String> headers) {
    return assertThatThrownBy(() -> TestSpecs.provider(env, type, baseUrl, model, headers))
        .isInstanceOf(VisException.class);
  }

  /** An openai-compatible router model sent {@code headers}, refused. */
  private static AbstractThrowableAssert<?, ? extends Throwable> refusedRouter(
      Map<String, String> headers) {
    return refused(
        ENV, model("r", "router", "gpt-4o"), ProviderType.OPENAI_COMPATIBLE, ROUTER, headers);
  }

  @Nested
  class Builds {
    private final ProviderFactory factory = new ProviderFactory(ENV, TestSpecs.CLOCK);

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
      assertThat(create(model("m", "openai", "gpt-4o-mini"), ProviderType.OPENAI, OPENAI))
          .isInstanceOf(OpenAiChatProvider.class);
      assertThat(
              factory.create(
                  model("l", "local", "llama3.1"),
                  TestSpecs.endpoint(
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
              create(
                  TestSpecs.withWebSearch(model("m", "openai", "gpt-4o")),
                  ProviderType.OPENAI,
                  OPENAI))
          .isInstanceOf(ResponsesProvider.class);
    }

    @Test
    void chat_completions_for_xai_and_the_responses_api_when_it_may_search() {
      ModelSpec grok = model("grok", "xai", "grok-4");
      String xai = "https://api.x.ai/v1";

      assertThat(create(grok, ProviderType.XAI, xai)).isInstanceOf(OpenAiChatProvider.class);
      assertThat(create(TestSpecs.withWebSearch(grok), ProviderType.XAI, xai))
          .isInstanceOf(ResponsesProvider.class);
    }
  }

  @Nested
  class Refuses {
    @Test
    void a_missing_api_key_naming_the_variable() {
      refused(Map.of(), model("m", "openai", "gpt-4o-mini"), ProviderType.OPENAI, OPENAI, Map.of())
          .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void an_undefined_header_variable_without_showing_other_values() {
      refusedRouter(Map.of("X-Token", "${ROUTER_TOKEN}"))
          .hasMessageContaining("ROUTER_TOKEN")
          .hasMessageNotContaining("sk-test-key-value");
    }

    @Test
    void a_header_the_http_client_may_not_set() {
      refusedRouter(Map.of("Host", "evil.example")).hasMessageContaining("'Host'");
    }

    @Test
    void web_search_on_an_openai_compatible_server() {
      refused(
              ENV,
              TestSpecs.withWebSearch(model("r", "router", "gpt-4o")),
              ProviderType.OPENAI_COMPATIBLE,
              ROUTER,
              Map.of())
          .hasMessageContaining("web_search is not available for openai-compatible models")
          .hasMessageContaining("openai or xai");
    }

    @Test
    void an_xai_model_without_its_key_naming_the_variable() {
      refused(
              Map.of("OPENAI_API_KEY", "sk-test-key-value"),
              model("grok", "xai", "grok-4"),
              ProviderType.XAI,
              "https://api.x.ai/v1",
              Map.of())
          .hasMessageContaining("XAI_API_KEY");
    }

    @Test
    void closing_ends_the_shared_http_client_whose_thread_held_the_jvm_at_exit() {
      ProviderFactory closing = new ProviderFactory(ENV, TestSpecs.CLOCK);
      closing.create(
          model("m", "openai", "gpt-4o-mini"),
          TestSpecs.endpoint(ProviderType.OPENAI, OPENAI, Optional.empty(), Map.of()),
          List.of());
      assertThat(closing.ended()).as("the client, built for the provider").isFalse();

      closing.close();

      assertThat(closing.ended()).isTrue();
    }

    @Test
    void a_sim_latency_that_is_not_a_number() {
      assertThatThrownBy(
              () ->
                  new ProviderFactory(
                          Map.of(ProviderFactory.SIM_LATENCY_ENV, "fast"), TestSpecs.CLOCK)
                      .create(model("s", "sim", "sim"), TestSpecs.simEndpoint(), List.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining(ProviderFactory.SIM_LATENCY_ENV);
    }
  }
}
