package dev.vis.analysis;

/**
 * The counts of the answers one model gave to one prompt with one grounding, per brand in spec
 * order: what a run's metrics fold its answers into, and all they need of them. Whole numbers only,
 * so counts summed in any order give the same figures.
 *
 * <p>Built from arrays the fold or the store's reader never touches again, so they are not copied;
 * nothing may change them.
 *
 * @param prompt the prompt's index in the run's spec
 * @param model the model's index in the run's spec
 * @param grounded whether a web search ran for these answers
 * @param answers answers received
 * @param counted answers that count for each brand, per {@link RateMetric.Counted} in declaration
 *     order: {@code [counted][brand]}
 * @param mentions stretches of text naming each brand, summed over the answers
 * @param positions answers naming each brand at each position: {@code [brand][position - 1]}, as
 *     long as the largest position seen (empty when none names it)
 */
public record GroupCounts(
    int prompt,
    int model,
    boolean grounded,
    long answers,
    long[][] counted,
    long[] mentions,
    long[][] positions) {

  /** How many kinds of count {@code counted} holds per brand. */
  public static final int COUNTED = RateMetric.Counted.values().length;

  /** Answers naming brand {@code b}. */
  long named(int b) {
    return counted[RateMetric.Counted.NAMED.ordinal()][b];
  }
}
