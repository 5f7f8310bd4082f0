package dev.vis.analysis;

import java.util.Locale;

/** Whether answers came with a web search (grounded) or from the model's weights (parametric). */
public enum Grounding {
  PARAMETRIC,
  GROUNDED,
  /** Both kinds pooled: only the legacy pooled metrics and the gate's per-prompt tallies. */
  ALL;

  /** {@code parametric}, {@code grounded} or {@code all}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
