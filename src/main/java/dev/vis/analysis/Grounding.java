package dev.vis.analysis;

import java.util.Locale;

/** Whether answers came with a web search (grounded) or from the model's weights (parametric). */
public enum Grounding {
  PARAMETRIC,
  GROUNDED;

  /** {@code parametric} or {@code grounded}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
