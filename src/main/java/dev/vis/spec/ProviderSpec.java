package dev.vis.spec;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of one named provider under {@code providers:}.
 *
 * @param name the key under {@code providers:}
 * @param type the wire format; defaults to the name
 * @param apiKeyEnv environment variable holding the key (default per type)
 * @param baseUrl endpoint (default per type), as written ({@code ${VAR}} expanded only at call
 *     time)
 * @param concurrency in-flight calls to this provider
 * @param rpm requests per minute
 * @param tpm tokens per minute
 * @param headers extra HTTP headers, values as written ({@code ${VAR}} expanded only at call time)
 * @param allowInsecureHttp allows a non-loopback {@code http://} base URL
 */
public record ProviderSpec(
    String name,
    ProviderType type,
    Optional<String> apiKeyEnv,
    Optional<BaseUrl> baseUrl,
    OptionalInt concurrency,
    OptionalInt rpm,
    OptionalInt tpm,
    Map<String, String> headers,
    boolean allowInsecureHttp) {

  public ProviderSpec {
    headers = Map.copyOf(headers);
  }

  /** Settings of a built-in provider type that the spec did not configure. */
  public static ProviderSpec defaults(ProviderType type) {
    return new ProviderSpec(
        type.id(),
        type,
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Map.of(),
        false);
  }
}
