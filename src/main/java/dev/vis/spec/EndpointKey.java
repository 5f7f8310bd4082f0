package dev.vis.spec;

import java.util.Optional;

/**
 * What identifies one endpoint: a provider name with its base URL and key variable. Two models on
 * one provider name but different servers (or different keys) are two endpoints, with their own
 * circuit breaker, rate buckets and concurrency cap.
 *
 * @param providerName the provider key (or the built-in type's id)
 * @param baseUrl the server, absent only for {@code sim}
 * @param apiKeyEnv the variable holding the key; absent when no key is needed
 */
public record EndpointKey(
    String providerName, Optional<BaseUrl> baseUrl, Optional<String> apiKeyEnv) {

  /** For messages: {@code local at http://127.0.0.1:11434/v1 with key LOCAL_KEY}. */
  public String describe() {
    return providerName
        + baseUrl.map(url -> " at " + url).orElse("")
        + apiKeyEnv.map(env -> " with key " + env).orElse("");
  }
}
