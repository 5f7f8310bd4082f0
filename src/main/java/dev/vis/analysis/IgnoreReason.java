package dev.vis.analysis;

import java.util.Locale;

/** Why a stretch that looks like a brand does not count as a mention. */
public enum IgnoreReason {
  /** It lies inside one of the brand's exclude phrases. */
  EXCLUDE,
  /** It lies inside a URL or a link target: a citation, not prose. */
  URL,
  /** It lies inside a citation chip: a source marker, never text. */
  CHIP;

  /** {@code exclude}, {@code url} or {@code chip}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
