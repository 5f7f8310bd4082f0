package dev.vis.provider;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;

/**
 * Builds the {@link HttpClient} the providers of a run share (one for {@code http://} endpoints,
 * one for {@code https://}): it retries nothing and follows no redirect (Failsafe is the only retry
 * loop, and a redirect must not carry a key elsewhere).
 */
final class HttpClients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private HttpClients() {}

  /**
   * A client that honours the proxy variables of {@code env}.
   *
   * @param tls whether it calls {@code https://} endpoints; one that does not skips the JDK's
   *     default TLS context, whose trust store and cipher suites cost a one-call run tens of
   *     milliseconds of CPU
   */
  static HttpClient create(Map<String, String> env, boolean tls) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    if (!tls) {
      builder.sslContext(new NoTlsContext()).sslParameters(new SSLParameters());
    }
    return builder
        // HTTP/1.1: plain-http local servers (Ollama, vLLM) mishandle h2c upgrades, and a pool of
        // keep-alive connections serves a run's concurrency well.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(new EnvProxySelector(env))
        // Response handling runs on virtual threads: the calling threads are virtual too, and a
        // bounded platform pool would queue hundreds of in-flight calls behind each other.
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }
}
