package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  /** A subscription that records what the subscriber asked of it. */
  private static final class Recorded implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static ResponseInfo info(int status, Map<String, List<String>> headers) {
    return new ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(headers, (name, value) -> true);
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  private static List<ByteBuffer> bytes(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Asserts that {@code body} failed as too large, naming {@code status}. */
  private static void assertTooLarge(BodySubscriber<String> body, int status) {
    CompletableFuture<String> future = body.getBody().toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    try {
      future.get();
      throw new AssertionError("the body completed");
    } catch (ExecutionException e) {
      assertThat(e.getCause())
          .isInstanceOfSatisfying(
              BoundedBody.TooLargeException.class, t -> assertThat(t.status()).isEqualTo(status));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void reads_a_body_within_the_limit_as_text() {
    BodySubscriber<String> body = new BoundedBody(10).apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    body.onSubscribe(subscription);
    body.onNext(bytes("{\"a\":"));
    body.onNext(bytes("\"é\"}"));
    body.onComplete();

    assertThat(body.getBody().toCompletableFuture().join()).isEqualTo("{\"a\":\"é\"}");
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void stops_reading_at_the_limit_and_fails_naming_the_status() {
    BodySubscriber<String> body = new BoundedBody(10).apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    body.onSubscribe(subscription);
    body.onNext(bytes("0123456789"));
    body.onNext(bytes("!"));
    body.onNext(bytes("more that arrived before the cancel took effect"));
    body.onComplete();

    assertThat(subscription.cancelled).as("the connection is dropped at the limit").isTrue();
    assertTooLarge(body, 200);
  }

  @Test
  void refuses_a_declared_length_over_the_limit_before_reading_any_of_it() {
    BodySubscriber<String> body =
        new BoundedBody(10).apply(info(502, Map.of("content-length", List.of("11"))));
    Recorded subscription = new Recorded();

    body.onSubscribe(subscription);

    assertThat(subscription.cancelled).isTrue();
    assertTooLarge(body, 502);
  }
}
