package dev.vis.provider;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as text (in the charset its {@code Content-Type} names, else UTF-8), but
 * never more than a limit: a body that declares a larger {@code Content-Length} is refused before
 * any of it is read, and one that grows past the limit is cut off there and its connection dropped,
 * so a runaway answer never sits in memory whole. Immutable and thread-safe.
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {
  /** The largest answer body vis reads: far above any real answer, far below a memory problem. */
  static final long LIMIT = 16L * 1024 * 1024;

  private final long limit;

  BoundedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public BodySubscriber<String> apply(ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    return new Counting(
        HttpResponse.BodyHandlers.ofString().apply(info), limit, info.statusCode(), declared);
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

  /** Passes the body on to the text subscriber while counting it; cancels at the limit. */
  private static final class Counting implements BodySubscriber<String> {
    private final BodySubscriber<String> text;
    private final long limit;
    private final int status;
    private final long declared;
    private Flow.Subscription upstream; // the Flow protocol calls one method at a time
    private long received;
    private boolean refused;

    Counting(BodySubscriber<String> text, long limit, int status, long declared) {
      this.text = text;
      this.limit = limit;
      this.status = status;
      this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      upstream = subscription;
      text.onSubscribe(subscription);
      if (declared > limit) {
        refuse();
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
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
    public void onError(Throwable failure) {
      if (!refused) {
        text.onError(failure);
      }
    }

    @Override
    public void onComplete() {
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
      upstream.cancel();
      // The text subscriber drops what it holds and fails the body with this.
      text.onError(new TooLargeException(status, limit));
    }
  }
}
