package dev.vis.analysis;

/** The standard normal distribution's upper tail, P(Z > z). */
final class NormalTail {
  private static final double[] ERFC = {
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277
  };

  private NormalTail() {}

  /**
   * P(Z > z), from the complementary error function of Numerical Recipes (erfcc, relative error
   * under 1.2e-7 everywhere): good for the small p-values a multiple-test correction asks for.
   */
  static double upper(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * x);
    double poly = 0;
    for (int i = ERFC.length - 1; i >= 0; i--) {
      poly = ERFC[i] + t * poly;
    }
    double erfc = t * Math.exp(-x * x + poly);
    return z >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
  }
}
