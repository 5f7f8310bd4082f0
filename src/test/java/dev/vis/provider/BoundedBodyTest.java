package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  /**
   * Subscribes {@code body}, hands it each chunk in turn as the client would, then completes it.
   */
  private static void deliver(
      BodySubscriber<String> body, Recorded subscription, String... chunks) {
    body.onSubscribe(subscription);
    for (String chunk : chunks) {
      body.onNext(List.of(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8))));
    }
    body.onComplete();
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
    BodySubscriber<String> body =
        BoundedBody.within(10, Duration.ofMinutes(1)).apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    deliver(body, subscription, "{\"a\":", "\"é\"}");

    assertThat(body.getBody().toCompletableFuture().join()).isEqualTo("{\"a\":\"é\"}");
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void stops_reading_at_the_limit_and_fails_naming_the_status() {
    BodySubscriber<String> body =
        BoundedBody.within(10, Duration.ofMinutes(1)).apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    deliver(
        body, subscription, "0123456789", "!", "more that arrived before the cancel took effect");

    assertThat(subscription.cancelled).as("the connection is dropped at the limit").isTrue();
    assertTooLarge(body, 200);
  }

  @Test
  void refuses_a_declared_length_over_the_limit_before_reading_any_of_it() {
    BodySubscriber<String> body =
        BoundedBody.within(10, Duration.ofMinutes(1))
            .apply(info(502, Map.of("content-length", List.of("11"))));
    Recorded subscription = new Recorded();

    body.onSubscribe(subscription);

    assertThat(subscription.cancelled).isTrue();
    assertTooLarge(body, 502);
  }

  /** A timer that fires only when told to. */
  private static final class ManualTimer implements BoundedBody.Timer {
    long delayNanos = -1;
    Runnable task;
    CompletableFuture<Void> disarm;

    @Override
    public CompletableFuture<Void> after(long delayNanos, Runnable task) {
      this.delayNanos = delayNanos;
      this.task = task;
      disarm = new CompletableFuture<>();
      return disarm;
    }
  }

  @Test
  void a_body_still_arriving_at_the_deadline_fails_as_a_timeout_and_drops_the_connection() {
    ManualTimer timer = new ManualTimer();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    BodySubscriber<String> body =
        new BoundedBody(10, deadline, Duration.ofMillis(200), timer).apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    body.onSubscribe(subscription);
    body.onNext(List.of(ByteBuffer.wrap("{\"a\":".getBytes(StandardCharsets.UTF_8))));
    timer.task.run();

    assertThat(timer.delayNanos).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1).toNanos());
    assertThat(subscription.cancelled).isTrue();
    assertThat(body.getBody().toCompletableFuture())
        .isCompletedExceptionally()
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(HttpTimeoutException.class)
        .withMessageContaining("200 ms");
  }

  @Test
  void a_body_that_ends_in_time_disarms_its_deadline() {
    ManualTimer timer = new ManualTimer();
    BodySubscriber<String> body =
        new BoundedBody(10, System.nanoTime(), Duration.ofMillis(200), timer)
            .apply(info(200, Map.of()));
    Recorded subscription = new Recorded();

    deliver(body, subscription, "{}");
    timer.task.run(); // a timer that fires anyway, late, changes nothing

    assertThat(timer.delayNanos).isZero();
    assertThat(timer.disarm).isDone();
    assertThat(body.getBody().toCompletableFuture().join()).isEqualTo("{}");
    assertThat(subscription.cancelled).isFalse();
  }
}
