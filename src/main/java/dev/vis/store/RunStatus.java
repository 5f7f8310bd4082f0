package dev.vis.store;

import java.util.Locale;

/** Where a run stands. {@link #STALE} is never stored: it is a running run whose owner is gone. */
public enum RunStatus {
  RUNNING,
  DONE,
  FAILED,
  BUDGET,
  INTERRUPTED,
  STALE;

  /** The lower-case name shown to users and stored in the database. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunStatus parse(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
