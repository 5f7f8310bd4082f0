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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Provider} for a model from its resolved endpoint, reading API keys and the
 * variables of header values and base URLs from the environment it was given (never from {@code
 * System.getenv} directly).
 *
 * <p>Every HTTP provider made by one factory shares one {@link HttpClient} per scheme, so a run
 * keeps one connection pool per endpoint, ended by {@link #close}, and a run against {@code
 * http://} servers only never sets up TLS. {@code VIS_SIM_LATENCY_MS} in the environment makes
 * {@code sim} models take that long per call, for benchmarks of a whole run. Thread-safe.
 */
public final class ProviderFactory implements AutoCloseable {
  /** How long {@link #close} waits for the client's threads to end. */
  private static final Duration CLOSING = Duration.ofSeconds(1);

  /** Environment variable: milliseconds every {@code sim} call takes (default 0). */
  public static final String SIM_LATENCY_ENV = "VIS_SIM_LATENCY_MS";

  private final Map<String, String> env;
  private final Clock clock;
  // guarded by this; built on first use so sim-only runs need none
  private HttpClient plainClient;
  private HttpClient tlsClient;

  public ProviderFactory(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /**
   * The provider for {@code model}.
   *
   * @param brands the run's brands ({@code sim} names them in its answers)
   * @throws VisException (usage) when its API key variable is not set, a header variable is
   *     undefined, or the model asks for what the provider cannot do ({@code web_search} on an
   *     {@code openai-compatible} server)
   */
  public Provider create(ModelSpec model, Endpoint endpoint, List<BrandSpec> brands) {
    ProviderType type = endpoint.type();
    return switch (type) {
      case SIM -> sim(model, brands);
      case OPENAI, OPENAI_COMPATIBLE, XAI -> openAi(model, endpoint);
      case GEMINI -> new GeminiProvider(connection(model, endpoint, Optional.of("GEMINI_API_KEY")));
      case ANTHROPIC ->
          // web_search turns on Anthropic's server-side web search tool.
          new AnthropicProvider(connection(model, endpoint, Optional.of("ANTHROPIC_API_KEY")));
      case PERPLEXITY -> perplexity(model, endpoint);
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
    Connection c = connection(model, endpoint, Optional.empty());
    if (model.webSearch()) {
      if (endpoint.type() == ProviderType.OPENAI_COMPATIBLE) {
        throw VisException.usage(
            where(model, endpoint)
                + ": web_search is not available for openai-compatible models (their servers have"
                + " no common search tool); use provider type openai or xai, or set web_search:"
                + " false");
      }
      ResponsesProvider.Dialect dialect =
          endpoint.type() == ProviderType.XAI
              ? ResponsesProvider.Dialect.XAI
              : ResponsesProvider.Dialect.OPENAI;
      return new ResponsesProvider(c, dialect);
    }
    return new OpenAiChatProvider(c);
  }

  /**
   * Where an endpoint is and what to send it, environment variables resolved.
   *
   * @param requiredKey the key variable read when the endpoint names none, for formats that cannot
   *     call without a key
   */
  private Connection connection(ModelSpec model, Endpoint endpoint, Optional<String> requiredKey) {
    String where = where(model, endpoint);
    URI baseUrl =
        endpoint
            .baseUrl()
            .orElseThrow(() -> VisException.usage(where + " needs a base_url"))
            .resolve(env, where);
    Optional<String> key =
        endpoint.apiKeyEnv().or(() -> requiredKey).map(name -> apiKey(name, where));
    return new Connection(
        endpoint.providerName(), baseUrl, key, headers(endpoint), client(baseUrl), clock);
  }

  private static String where(ModelSpec model, Endpoint endpoint) {
    return "model '" + model.id() + "' (provider '" + endpoint.providerName() + "')";
  }

  /** The spec's extra headers with {@code ${VAR}} expanded from the environment. */
  private Map<String, String> headers(Endpoint endpoint) {
    Map<String, String> headers = new LinkedHashMap<>();
    endpoint
        .headers()
        .forEach(
            (name, value) ->
                headers.put(
                    name,
                    EnvExpansion.expand(
                        value, env, "providers." + endpoint.providerName() + ".headers." + name)));
    return headers;
  }

  /** Perplexity searches for every answer, so {@code web_search} is accepted either way. */
  private Provider perplexity(ModelSpec model, Endpoint endpoint) {
    return new PerplexityProvider(connection(model, endpoint, Optional.empty()));
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

  /**
   * Ends the shared clients at once, calls still open included. A client's selector thread waits in
   * native code, and the JVM waits 0.3 s at exit for any such thread: a command closes its factory
   * first.
   */
  @Override
  public void close() {
    List<HttpClient> open = new ArrayList<>(2);
    synchronized (this) {
      if (plainClient != null) {
        open.add(plainClient);
      }
      if (tlsClient != null) {
        open.add(tlsClient);
      }
    }
    for (HttpClient client : open) {
      client.shutdownNow();
    }
    try {
      for (HttpClient client : open) {
        client.awaitTermination(CLOSING);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether every client built has ended (tests). */
  synchronized boolean ended() {
    return (plainClient == null || plainClient.isTerminated())
        && (tlsClient == null || tlsClient.isTerminated());
  }

  private synchronized HttpClient client(URI baseUrl) {
    if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
      if (tlsClient == null) {
        tlsClient = HttpClients.create(env, true);
      }
      return tlsClient;
    }
    if (plainClient == null) {
      plainClient = HttpClients.create(env, false);
    }
    return plainClient;
  }
}
