package dev.vis.provider;

import dev.vis.VisException;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.Endpoint;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.SimSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Provider} for a model from its resolved endpoint, reading API keys and header
 * variables from the environment it was given (never from {@code System.getenv} directly).
 *
 * <p>Every HTTP provider made by one factory shares one {@link HttpClient}, so a run keeps one
 * connection pool. {@code VIS_SIM_LATENCY_MS} in the environment makes {@code sim} models take that
 * long per call, for benchmarks of a whole run. Thread-safe.
 */
public final class ProviderFactory {
  /** Environment variable: milliseconds every {@code sim} call takes (default 0). */
  public static final String SIM_LATENCY_ENV = "VIS_SIM_LATENCY_MS";

  private final Map<String, String> env;
  private final Clock clock;
  private HttpClient client; // guarded by this; built on first use so sim-only runs need none

  public ProviderFactory(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /**
   * The provider for {@code model}.
   *
   * @param brands the run's brands ({@code sim} names them in its answers)
   * @throws VisException (usage) when the provider type is not implemented yet, its API key
   *     variable is not set, a header variable is undefined, or the model asks for what the
   *     provider cannot do yet ({@code web_search})
   */
  public Provider create(ModelSpec model, Endpoint endpoint, List<BrandSpec> brands) {
    ProviderType type = endpoint.type();
    if (!type.implemented()) {
      throw VisException.usage(
          "provider type '"
              + type.id()
              + "' (model "
              + model.id()
              + ") is not supported yet; use openai, openai-compatible or sim"
              + (type == ProviderType.PERPLEXITY || type == ProviderType.XAI
                  ? ", or call it as type openai-compatible with its base_url"
                  : ", or reach it through an OpenAI-compatible router such as OpenRouter"));
    }
    return switch (type) {
      case SIM -> sim(model, brands);
      case OPENAI, OPENAI_COMPATIBLE -> openAi(model, endpoint);
      case PERPLEXITY -> perplexity(model, endpoint);
      default -> throw new IllegalStateException("unhandled provider type " + type);
    };
  }

  private Provider sim(ModelSpec model, List<BrandSpec> brands) {
    SimSpec sim = model.sim().orElseGet(() -> new SimSpec(0, Map.of()));
    Duration latency = Duration.ZERO;
    String configured = env.get(SIM_LATENCY_ENV);
    if (configured != null && !configured.isBlank()) {
      try {
        latency = Duration.ofMillis(Long.parseLong(configured.strip()));
      } catch (NumberFormatException e) {
        throw VisException.usage(SIM_LATENCY_ENV + " must be a number of milliseconds");
      }
      if (latency.isNegative()) {
        throw VisException.usage(SIM_LATENCY_ENV + " must not be negative");
      }
    }
    return new SimProvider(sim, brands, latency, SimProvider.Sleeper.system());
  }

  private Provider openAi(ModelSpec model, Endpoint endpoint) {
    String where = "model '" + model.id() + "' (provider '" + endpoint.providerName() + "')";
    if (model.webSearch()) {
      throw VisException.usage(
          where + ": web_search is not supported yet for " + endpoint.type().id() + " models");
    }
    URI baseUrl =
        endpoint.baseUrl().orElseThrow(() -> VisException.usage(where + " needs a base_url"));
    Optional<String> key = endpoint.apiKeyEnv().map(name -> apiKey(name, where));
    Map<String, String> headers = new LinkedHashMap<>();
    endpoint
        .headers()
        .forEach(
            (name, value) ->
                headers.put(
                    name,
                    EnvExpansion.expand(
                        value, env, "providers." + endpoint.providerName() + ".headers." + name)));
    return new OpenAiChatProvider(endpoint.providerName(), baseUrl, key, headers, client(), clock);
  }

  /** Perplexity searches for every answer, so {@code web_search} is accepted either way. */
  private Provider perplexity(ModelSpec model, Endpoint endpoint) {
    String where = "model '" + model.id() + "' (provider '" + endpoint.providerName() + "')";
    URI baseUrl =
        endpoint.baseUrl().orElseThrow(() -> VisException.usage(where + " needs a base_url"));
    Optional<String> key = endpoint.apiKeyEnv().map(name -> apiKey(name, where));
    Map<String, String> headers = new LinkedHashMap<>();
    endpoint
        .headers()
        .forEach(
            (name, value) ->
                headers.put(
                    name,
                    EnvExpansion.expand(
                        value, env, "providers." + endpoint.providerName() + ".headers." + name)));
    return new PerplexityProvider(
        endpoint.providerName(), baseUrl, key, headers, client(), clock);
  }

  private String apiKey(String variable, String where) {
    String key = env.get(variable);
    if (key == null || key.isBlank()) {
      throw VisException.usage(
          where
              + " needs an API key in the environment variable "
              + variable
              + ", which is not set (cron jobs do not read your shell profile)");
    }
    return key.strip();
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClients.create(env);
    }
    return client;
  }
}
