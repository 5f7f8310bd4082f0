package dev.vis.provider;

import dev.vis.VisException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one provider request and waits for the whole response within the attempt's timeout: the
 * transport part every HTTP provider shares. Connection failures and timeouts become retryable
 * {@link ProviderException}s through {@link TransportErrors}, a body over {@link BoundedBody#LIMIT}
 * a final one; statuses are left to the provider.
 */
final class HttpCall {
  private HttpCall() {}

  /**
   * The response, body read.
   *
   * @throws RetryableProviderException when the request cannot be sent, the connection breaks, or
   *     no full response arrives within {@code timeout}
   * @throws FinalProviderException when the body is larger than {@link BoundedBody#LIMIT}
   * @throws InterruptedException when the calling thread is interrupted (the request is cancelled)
   */
  static HttpResponse<String> send(
      HttpClient client, HttpRequest request, Duration timeout, TransportErrors errors)
      throws ProviderException, InterruptedException {
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, new BoundedBody(BoundedBody.LIMIT));
    try {
      // The request timeout covers the wait for headers only; this covers the body too.
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw errors.timeout(timeout, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BoundedBody.TooLargeException tooLarge) {
          throw errors.tooLarge(tooLarge.status(), BoundedBody.LIMIT);
        }
      }
      Throwable cause = e.getCause();
      IOException io =
          cause instanceof IOException ioe ? ioe : new IOException(String.valueOf(cause), cause);
      throw errors.forIo(io, target(request.uri()), timeout);
    }
  }

  /**
   * Checks that every extra header can be sent, before the first call.
   *
   * @throws VisException (usage) naming the header, never its value (it may be a secret)
   */
  static void checkHeaders(String providerName, URI uri, Map<String, String> headers) {
    headers.forEach(
        (name, value) -> {
          try {
            HttpRequest.newBuilder(uri).header(name, value);
          } catch (IllegalArgumentException e) {
            throw VisException.usage(
                "provider '"
                    + providerName
                    + "': header '"
                    + name
                    + "' cannot be sent (a restricted name, or a value with line breaks)");
          }
        });
  }

  /** {@code scheme://host[:port]}: where a request goes, without its path or query (keys). */
  static String target(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }

  /** How a provider words transport failures. */
  interface TransportErrors {
    RetryableProviderException timeout(Duration timeout, Throwable cause);

    RetryableProviderException forIo(IOException e, String target, Duration timeout);

    FinalProviderException tooLarge(int status, long limit);
  }
}
