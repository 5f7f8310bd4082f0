package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.util.Locale;

/**
 * One gated brand's verdict in one line, for the places that show a verdict outside the report: a
 * JUnit test case, a CI annotation.
 */
public final class GateLine {
  private GateLine() {}

  /**
   * {@code Acme CRM: mention rate 60.0% → 40.0%, −20.0 pp (p < 0.001; the gate needs a drop of more
   * than 5.0 pp with p < 0.0500): dropped}.
   */
  public static String of(Comparison c, BrandDelta b) {
    String gate =
        "the gate needs a drop of more than "
            + FigureText.oneDecimal(c.thresholdPoints())
            + " pp with p < "
            + String.format(Locale.ROOT, "%.4f", c.perBrandAlpha());
    if (b.verdict() == Verdict.NO_DATA) {
      return b.brand() + ": " + metric(c) + ": no data to compare (" + gate + ")";
    }
    return b.brand()
        + ": "
        + metric(c)
        + " "
        + FigureText.percent(b.baseline().value())
        + " → "
        + FigureText.percent(b.current().value())
        + ", "
        + FigureText.points(b.delta())
        + " (p "
        + (b.pValue() < 0.001 ? "" : "= ")
        + FigureText.pValue(b.pValue())
        + "; "
        + gate
        + "): "
        + verdict(b.verdict());
  }

  /** {@code mention rate} or {@code share of voice}. */
  public static String metric(Comparison c) {
    return c.metric().label().toLowerCase(Locale.ROOT);
  }

  private static String verdict(Verdict verdict) {
    return switch (verdict) {
      case DROP -> "dropped";
      case DROP_WITHIN_NOISE -> "dropped within sampling noise";
      case OK -> "no drop beyond the threshold";
      case NO_DATA -> "no data";
    };
  }
}
