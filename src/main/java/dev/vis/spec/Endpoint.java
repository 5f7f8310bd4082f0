package dev.vis.spec;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and how a model is called: its provider's settings with the model's overrides applied.
 *
 * @param providerName the provider key (or the built-in type's id)
 * @param type the wire format
 * @param baseUrl the endpoint as written, absent only for {@code sim}
 * @param apiKeyEnv the variable holding the key; absent when no key is needed
 * @param headers extra headers, values as written
 * @param concurrency in-flight cap for this provider
 * @param rpm requests per minute
 * @param tpm tokens per minute
 */
public record Endpoint(
    String providerName,
    ProviderType type,
    Optional<BaseUrl> baseUrl,
    Optional<String> apiKeyEnv,
    Map<String, String> headers,
    OptionalInt concurrency,
    OptionalInt rpm,
    OptionalInt tpm) {

  public Endpoint {
    headers = Map.copyOf(headers);
  }

  /** The provider name, base URL and key variable that make this endpoint one of its own. */
  public EndpointKey key() {
    return new EndpointKey(providerName, baseUrl, apiKeyEnv);
  }

  static Endpoint resolve(ModelSpec model, Map<String, ProviderSpec> providers) {
    ProviderSpec provider =
        Optional.ofNullable(providers.get(model.provider()))
            .or(() -> ProviderType.byId(model.provider()).map(ProviderSpec::defaults))
            .orElseThrow(
                () -> new IllegalArgumentException("unknown provider " + model.provider()));
    ProviderType type = provider.type();
    Optional<BaseUrl> baseUrl = model.baseUrl().or(provider::baseUrl).or(type::defaultBaseUrl);
    Optional<String> keyEnv = model.apiKeyEnv().or(provider::apiKeyEnv);
    if (keyEnv.isEmpty()
        && !(type == ProviderType.OPENAI_COMPATIBLE
            && baseUrl.map(BaseUrl::isLoopback).orElse(false))) {
      keyEnv = type.defaultApiKeyEnv();
    }
    return new Endpoint(
        provider.name(),
        type,
        baseUrl,
        keyEnv,
        provider.headers(),
        model.concurrency().isPresent() ? model.concurrency() : provider.concurrency(),
        model.rpm().isPresent() ? model.rpm() : provider.rpm(),
        model.tpm().isPresent() ? model.tpm() : provider.tpm());
  }

  /** Whether a URL points at this machine (keys may travel in clear there). */
  public static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
  }
}
