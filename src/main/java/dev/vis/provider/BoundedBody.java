package dev.vis.provider;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as text (in the charset its {@code Content-Type} names, else UTF-8), but
 * never more than a limit: a body that declares a larger {@code Content-Length} is refused before
 * any of it is read, and one that grows past the limit is cut off there and its connection dropped,
 * so a runaway answer never sits in memory whole; and a body still arriving at the exchange's
 * deadline is cut off there with an {@link HttpTimeoutException} (the request's own timeout covers
 * only the wait for the headers). Immutable and thread-safe.
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {
  /** The largest answer body vis reads: far above any real answer, far below a memory problem. */
  static final long LIMIT = 16L * 1024 * 1024;

  private final long limit;
  private final long deadline;
  private final Duration timeout;
  private final Timer timer;

  /**
   * Runs a task once a delay has passed, unless the future it returns is completed first; {@link
   * BodyDeadlines#SHARED} in use.
   */
  interface Timer {
    CompletableFuture<Void> after(long delayNanos, Runnable task);
  }

  /**
   * @param deadline the {@link System#nanoTime()} by which the whole body must have arrived
   * @param timeout the exchange's timeout, named when the deadline passes
   */
  BoundedBody(long limit, long deadline, Duration timeout, Timer timer) {
    this.limit = limit;
    this.deadline = deadline;
    this.timeout = timeout;
    this.timer = timer;
  }

  /** A body of at most {@code limit} that must have arrived {@code timeout} from now. */
  static BoundedBody within(long limit, Duration timeout) {
    return new BoundedBody(
        limit, System.nanoTime() + timeout.toNanos(), timeout, BodyDeadlines.SHARED);
  }

  @Override
  public BodySubscriber<String> apply(ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    return new Counting(
        HttpResponse.BodyHandlers.ofString().apply(info), limit, info.statusCode(), declared, this);
  }

  /** What the body was larger than, and the status it came with. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    TooLargeException(int status, long limit) {
      super("response body over " + limit + " bytes");
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * Passes the body on to the text subscriber while counting it; cancels at the limit or when it
   * expires. The client calls one method at a time, the timer at any time: hence the lock.
   */
  private static final class Counting implements BodySubscriber<String> {
    private final BodySubscriber<String> text;
    private final long limit;
    private final int status;
    private final long declared;
    private final BoundedBody handler;

    /** Completed when the body ends, which disarms the deadline's timer. */
    private CompletableFuture<Void> expiry = new CompletableFuture<>(); // guarded by this

    private Flow.Subscription upstream; // guarded by this
    private long received; // guarded by this
    private boolean refused; // guarded by this
    private boolean ended; // guarded by this

    Counting(
        BodySubscriber<String> text, long limit, int status, long declared, BoundedBody handler) {
      this.text = text;
      this.limit = limit;
      this.status = status;
      this.declared = declared;
      this.handler = handler;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
      upstream = subscription;
      text.onSubscribe(subscription);
      if (declared > limit) {
        refuse();
        return;
      }
      expiry = handler.timer.after(Math.max(0, handler.deadline - System.nanoTime()), this::expire);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
      if (refused) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        received += buffer.remaining();
      }
      if (received > limit) {
        refuse();
      } else {
        text.onNext(buffers);
      }
    }

    @Override
    public synchronized void onError(Throwable failure) {
      ended = true;
      expiry.complete(null);
      if (!refused) {
        text.onError(failure);
      }
    }

    @Override
    public synchronized void onComplete() {
      ended = true;
      expiry.complete(null);
      if (!refused) {
        text.onComplete();
      }
    }

    @Override
    public CompletionStage<String> getBody() {
      return text.getBody();
    }

    private void refuse() {
      refused = true;
      expiry.complete(null);
      upstream.cancel();
      // The text subscriber drops what it holds and fails the body with this.
      text.onError(new TooLargeException(status, limit));
    }

    /** The deadline passed before the body ended: fails it and drops the connection. */
    private void expire() {
      Flow.Subscription subscription;
      synchronized (this) {
        if (refused || ended) {
          return;
        }
        refused = true;
        subscription = upstream;
        text.onError(
            new HttpTimeoutException(
                "response body not complete within " + handler.timeout.toMillis() + " ms"));
      }
      // Outside the lock: the client may be delivering the body under locks of its own.
      subscription.cancel();
    }
  }
}
