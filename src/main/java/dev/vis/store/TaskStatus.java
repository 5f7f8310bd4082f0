package dev.vis.store;

import java.util.Locale;

/** Where a task stands: not yet answered, answered, or given up on (resumable). */
public enum TaskStatus {
  PENDING,
  OK,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
