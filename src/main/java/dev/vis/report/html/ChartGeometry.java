package dev.vis.report.html;

import java.util.List;
import java.util.Locale;

/** The shared measures of the SVG charts: palette, rounding and label shortening. */
final class ChartGeometry {
  /**
   * Okabe and Ito's palette, which readers with any common colour-vision deficiency tell apart;
   * blue first, for the primary brand.
   */
  static final List<String> PALETTE =
      List.of(
          "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

  static final String PRIMARY = "#0072B2";
  static final String OTHER = "#8c8c8c";
  static final String STAR = "★ ";

  private ChartGeometry() {}

  /** One decimal: enough for a screen pixel, short in the file. */
  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** A number for a sort key or an attribute, in {@code Locale.ROOT}. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
  }

  /** {@code text}, cut to {@code max} code points with an ellipsis. */
  static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The brand's colour: palette order, grey once the palette is spent. */
  static String colour(int index) {
    return index < PALETTE.size() ? PALETTE.get(index) : OTHER;
  }
}
