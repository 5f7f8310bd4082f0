package dev.vis.engine;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock in UTC whose instant the subclass decides; public for the tests of other packages
 * that make their own.
 */
public abstract class UtcClock extends Clock {
  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(ZoneId zone) {
    return this;
  }
}
