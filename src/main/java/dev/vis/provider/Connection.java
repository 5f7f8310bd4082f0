package dev.vis.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an HTTP provider sends its calls and with what, environment variables already resolved:
 * what every wire format's constructor takes.
 *
 * @param providerName names the provider in error messages
 * @param baseUrl the endpoint up to the format's own path ({@code https://api.openai.com/v1})
 * @param key the API key, when one is configured
 * @param headers the spec's extra headers, values expanded (secrets: never logged)
 * @param client the HTTP client every provider of a run shares
 * @param clock reads the time for HTTP-date and reset headers
 */
record Connection(
    String providerName,
    URI baseUrl,
    Optional<String> key,
    Map<String, String> headers,
    HttpClient client,
    Clock clock) {

  Connection {
    headers = Map.copyOf(headers);
  }

  /** {@code path} appended to the base URL, whatever slashes the base URL ends with. */
  URI resolve(String path) {
    return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
  }

  /** The header that carries the key ({@code prefix} before it), or none without a key. */
  Map<String, String> keyHeader(String name, String prefix) {
    return key.map(k -> Map.of(name, prefix + k)).orElse(Map.of());
  }

  /** Blanks the key and every header value out of what the provider echoes back. */
  Redactor redactor() {
    List<String> secrets = new ArrayList<>(headers.values());
    key.ifPresent(secrets::add);
    return new Redactor(secrets);
  }
}
