package dev.vis.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A per-minute limit as a token bucket on an injected clock: refills continuously, takes a call's
 * estimate before it starts, settles with the real figure after, and tightens when the server's
 * rate-limit headers say less is left.
 *
 * <p>Paced, not bursty: the bucket holds at most half a second's worth ({@code limit / 120}, at
 * least 1) and refills at {@code (limit - burst) / 60.5 s}, so in any window of 60.5 s it lets
 * through at most {@code limit}. A server that counts N requests in any sliding 60 s window (or one
 * that refills a bucket continuously, as OpenAI's does) never sees more than N, with half a second
 * of slack for requests that arrive sooner than they were sent; the cost is about 2% of the limit
 * at 300 a minute. A bucket that started full with a minute's quota would send N at once and then N
 * more in the following 60 s: a sliding window would refuse up to half of them.
 *
 * <p>The level may go below zero (a debt): a call that needs more than the bucket holds passes when
 * the bucket is full and the next waits until the debt is paid back. Thread-safe; never blocks (the
 * caller waits for the time {@link #waitFor} names).
 *
 * <p>Workers that share a run (SPEC §8) each hold {@link #share} of the limit: {@code limit / N}
 * for N live workers, paced the same way, so N buckets together never let through more than one
 * would.
 */
final class TokenBucket {
  static final Duration WINDOW = Duration.ofSeconds(60).plusMillis(500);

  private final Clock clock;
  private final long limit;
  private double capacity; // guarded by this
  private double perNano; // guarded by this
  private double level; // guarded by this
  private long updated; // guarded by this

  private TokenBucket(Clock clock, long limit) {
    this.clock = clock;
    this.limit = limit;
    this.updated = nanos(clock.instant());
    pace(limit);
    this.level = capacity;
  }

  /** A bucket that lets at most {@code limit} through in any minute, paced as described above. */
  static TokenBucket perMinute(long limit, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return new TokenBucket(clock, limit);
  }

  /**
   * Keeps {@code 1 / parts} of the limit from now on (a worker's share when {@code parts} workers
   * share it). What the bucket holds never grows by this: a smaller share also cuts what may pass
   * at once, a larger one refills faster but from the level it had.
   */
  synchronized void share(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1: " + parts);
    }
    refill();
    pace((double) limit / parts);
    level = Math.min(level, capacity);
  }

  private void pace(double perMinute) {
    capacity = Math.max(1.0, perMinute / 120.0);
    perNano = Math.max(perMinute - capacity, perMinute / 120.0) / WINDOW.toNanos();
  }

  /**
   * How long until {@code amount} may be taken: zero when it may be now. An amount larger than the
   * bucket holds may be taken when the bucket is full.
   */
  synchronized Duration waitFor(double amount) {
    refill();
    double need = Math.min(amount, capacity);
    if (level >= need) {
      return Duration.ZERO;
    }
    long nanos = (long) Math.ceil((need - level) / perNano);
    // whole milliseconds: a sleeper that rounds down would otherwise spin
    return Duration.ofMillis(Math.max(1, (nanos + 999_999) / 1_000_000));
  }

  /**
   * Takes {@code amount}; callers check {@link #waitFor} first, under the same lock as other
   * buckets.
   */
  synchronized void take(double amount) {
    refill();
    level -= amount;
  }

  /** Gives back {@code amount} (an estimate that was too high), or takes more when negative. */
  synchronized void giveBack(double amount) {
    refill();
    level = Math.min(capacity, level + amount);
  }

  /**
   * Believes the server when it knows of less room: {@code remaining} may pass before {@code
   * reset}, so the bucket holds no more than {@code remaining} less what it would refill by then.
   */
  synchronized void tighten(long remaining, Duration reset) {
    refill();
    level = Math.min(level, remaining - perNano * Math.max(0, reset.toNanos()));
  }

  /** What the bucket holds now (negative: a debt), for tests and diagnostics. */
  synchronized double level() {
    refill();
    return level;
  }

  private void refill() {
    long now = nanos(clock.instant());
    if (now > updated) {
      level = Math.min(capacity, level + (now - updated) * perNano);
    }
    // a clock set back is not a refill
    updated = Math.max(updated, now);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
