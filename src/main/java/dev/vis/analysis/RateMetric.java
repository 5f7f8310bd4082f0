package dev.vis.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rates reported for every brand and cell, as data: what each counts, over what, and how its
 * 95% interval is made (SPEC §6). The metrics, the three report formats and the regression gate
 * iterate these, so a new rate is one constant here (and its key in {@code
 * docs/report.schema.json}).
 */
public enum RateMetric {
  /** Answers naming the brand / answers received. */
  MENTION_RATE("Mention rate", Counted.NAMED, Over.ANSWERS, Interval.CELL, "mention"),
  /** Prompts where at least one answer names the brand / prompts. */
  PROMPT_COVERAGE("Prompt coverage", Counted.NAMED, Over.PROMPTS, Interval.WILSON, null),
  /** Answers naming the brand / sum over tracked brands of answers naming each. */
  SHARE_OF_VOICE("Share of voice", Counted.NAMED, Over.ALL_BRANDS, Interval.CELL, "share"),
  /** Answers naming the brand first / answers received. */
  TOP1_RATE("Top-1 rate", Counted.NAMED_FIRST, Over.ANSWERS, Interval.CELL, null),
  /** Answers citing (kind cited) one of the brand's domains / answers received. */
  CITATION_RATE("Citation rate", Counted.CITED, Over.ANSWERS, Interval.CELL, null);

  /** What one answer counts for one brand: the numerator's unit. */
  enum Counted {
    /** Answers naming the brand. */
    NAMED,
    /** Answers naming the brand first. */
    NAMED_FIRST,
    /** Answers citing (kind cited) one of the brand's domains. */
    CITED;

    /** Whether the answer of {@code facts} counts for brand {@code brand}. */
    boolean in(AnswerFacts facts, int brand) {
      return switch (this) {
        case NAMED -> facts.names(brand);
        case NAMED_FIRST -> facts.names(brand) && facts.positions[brand] == 1;
        case CITED -> facts.cited[brand];
      };
    }
  }

  /** The denominator, and with it the unit the rate is over. */
  enum Over {
    /** Answers received; the numerator counts answers. */
    ANSWERS,
    /** Prompts; the numerator counts prompts with at least one counted answer. */
    PROMPTS,
    /** The numerator's count summed over the tracked brands (share of voice). */
    ALL_BRANDS
  }

  /** How the 95% interval is made. */
  enum Interval {
    /**
     * The cell's method ({@link Cell#interval()}): Wilson for a cell of one prompt, a percentile
     * bootstrap resampling prompts for a cell of several.
     */
    CELL,
    /** Always Wilson over the summed counts (prompts are the independent unit already). */
    WILSON
  }

  private final String label;
  private final Counted counted;
  private final Over over;
  private final Interval interval;
  private final String gateWord;

  RateMetric(String label, Counted counted, Over over, Interval interval, String gateWord) {
    // a run's tallies, which the gate compares, hold answers naming each brand per (prompt, model)
    if (gateWord != null && (counted != Counted.NAMED || over == Over.PROMPTS)) {
      throw new IllegalArgumentException(
          name() + ": the gate compares answer counts of NAMED only");
    }
    this.label = label;
    this.counted = counted;
    this.over = over;
    this.interval = interval;
    this.gateWord = gateWord;
  }

  /**
   * {@code mention_rate}: the CSV metric and the JSON key, the constant's name in lower case (so
   * renaming a constant renames a public key).
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code Mention rate}: the markdown column. */
  public String label() {
    return label;
  }

  /**
   * The word {@code vis report --metric} takes for it; empty when the gate cannot compare it (its
   * count is not in a run's tallies, which hold answers naming each brand only).
   */
  public Optional<String> gateWord() {
    return Optional.ofNullable(gateWord);
  }

  Counted counted() {
    return counted;
  }

  Over over() {
    return over;
  }

  Interval interval() {
    return interval;
  }

  /**
   * The words of the metrics the gate compares, in metric order: {@code mention}, {@code share}.
   */
  public static List<String> gateWords() {
    return Arrays.stream(values()).flatMap(m -> m.gateWord().stream()).toList();
  }

  /** The metric the gate compares under {@code word}, in any case. */
  public static Optional<RateMetric> ofGateWord(String word) {
    return Arrays.stream(values())
        .filter(m -> m.gateWord != null && m.gateWord.equalsIgnoreCase(word.strip()))
        .findFirst();
  }
}
