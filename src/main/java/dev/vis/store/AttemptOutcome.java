package dev.vis.store;

/** How one call attempt ended; stored as its lower-case name. */
public enum AttemptOutcome {
  /** An answer came back. */
  OK,
  /** It failed in a way another attempt may fix (a 429, a 5xx, a timeout). */
  RETRYABLE,
  /** It failed in a way no retry fixes (a refused request, key or quota). */
  FINAL;

  /** The name the database, the attempt log and {@code vis explain} use. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
