package dev.vis.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction: which of m p-values stay significant so that the chance of any false
 * flag among them is at most alpha, however the tests depend on each other.
 */
final class HolmCorrection {
  private HolmCorrection() {}

  /** For each p-value, in the order given, whether it survives at family-wise level alpha. */
  static boolean[] survivors(double[] pValues, double alpha) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    boolean[] real = new boolean[m];
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      if (pValues[i] > alpha / (m - rank)) {
        break;
      }
      real[i] = true;
    }
    return real;
  }
}
