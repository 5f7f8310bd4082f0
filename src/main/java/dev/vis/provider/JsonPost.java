package dev.vis.provider;

import dev.vis.VisException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP path of every wire format: posts a JSON body with the format's headers and the
 * spec's, waits for the whole response within the attempt's timeout, reads at most {@link
 * BoundedBody#LIMIT} of it, and classifies a status that is not 2xx; the wire format reads the body
 * ({@link JsonReply}). Every failure becomes a {@link ProviderException} through the provider's
 * {@link ProviderErrors}. Immutable and thread-safe.
 */
final class JsonPost {
  private final HttpClient client;
  private final Map<String, String> formatHeaders;
  private final Map<String, String> specHeaders;
  private final ProviderErrors errors;

  /**
   * @param formatHeaders the headers the wire format sends (the key, an API version)
   * @throws VisException (usage) when a spec header cannot be sent (a restricted or malformed
   *     name), naming the header, never its value (it may be a secret)
   */
  JsonPost(Connection connection, Map<String, String> formatHeaders, ProviderErrors errors) {
    this.client = connection.client();
    this.formatHeaders = Map.copyOf(formatHeaders);
    this.specHeaders = connection.headers();
    this.errors = errors;
    specHeaders.forEach(
        (name, value) -> {
          try {
            HttpRequest.newBuilder(connection.baseUrl()).header(name, value);
          } catch (IllegalArgumentException e) {
            throw VisException.usage(
                "provider '"
                    + connection.providerName()
                    + "': header '"
                    + name
                    + "' cannot be sent (a restricted name, or a value with line breaks)");
          }
        });
  }

  /** A post that sends the key, when set, as a bearer token: OpenAI's way, and its imitators'. */
  static JsonPost bearer(Connection connection, ProviderErrors errors) {
    return new JsonPost(connection, connection.keyHeader("Authorization", "Bearer "), errors);
  }

  /**
   * Posts {@code body} to {@code uri}: one HTTP request, never retried here.
   *
   * @return the 2xx response, its body not yet read
   * @throws ProviderException when no response arrives in time, the status is not 2xx, or the body
   *     is too large
   * @throws InterruptedException when the calling thread is interrupted (the request is cancelled)
   */
  JsonReply send(URI uri, String body, Duration timeout)
      throws ProviderException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis");
    formatHeaders.forEach(request::header);
    // The spec's headers win over the format's own (a newer anthropic-version, say).
    specHeaders.forEach(request::setHeader);
    HttpResponse<String> response =
        exchange(
            request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
            timeout);
    int status = response.statusCode();
    String raw = response.body() == null ? "" : response.body();
    if (status < 200 || status >= 300) {
      throw errors.forStatus(status, response.headers(), raw);
    }
    return new JsonReply(status, raw, response.headers(), errors);
  }

  private HttpResponse<String> exchange(HttpRequest request, Duration timeout)
      throws ProviderException, InterruptedException {
    TransportFailures transport = errors.transport();
    try {
      // send, not sendAsync: sendAsync starts the exchange on another thread and completes its
      // future through the common pool, two more thread wake-ups on the path of every call. The
      // request's timeout covers the wait for the headers, the body's deadline the rest.
      return client.send(request, BoundedBody.within(BoundedBody.LIMIT, timeout));
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BoundedBody.TooLargeException tooLarge) {
          throw transport.tooLarge(tooLarge.status(), BoundedBody.LIMIT);
        }
      }
      throw transport.forIo(e, target(request.uri()), timeout);
    }
  }

  /** {@code scheme://host[:port]}: where a request goes, without its path or query (keys). */
  static String target(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }
}
