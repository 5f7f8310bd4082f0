package dev.vis.analysis;

import java.util.Map;

/** What one scored answer contributes to each brand's metrics, indexed by brand in spec order. */
final class AnswerFacts {
  /** Stretches naming the brand; 0 when it is not named. */
  final int[] counts;

  /** Position of the brand in the answer; 0 when it is not named. */
  final int[] positions;

  /** Whether the answer cites (kind cited) one of the brand's domains. */
  final boolean[] cited;

  /**
   * Whether the answer counts for each brand, per {@link RateMetric.Counted}: [counted][brand].
   * Worked out once here, since an answer enters several rows of the metrics.
   */
  final boolean[][] counted;

  private AnswerFacts(int brands) {
    counts = new int[brands];
    positions = new int[brands];
    cited = new boolean[brands];
    counted = new boolean[RateMetric.Counted.values().length][brands];
  }

  static AnswerFacts of(ScoredAnswer answer, Map<String, Integer> brandIndex) {
    AnswerFacts facts = new AnswerFacts(brandIndex.size());
    for (Mention mention : answer.mentions()) {
      Integer brand = brandIndex.get(mention.brand());
      if (brand != null && facts.counts[brand] == 0 && mention.count() > 0) {
        facts.counts[brand] = mention.count();
        facts.positions[brand] = mention.position();
      }
    }
    for (Citation citation : answer.citations()) {
      if (citation.kind() == CitationKind.CITED) {
        citation.brand().map(brandIndex::get).ifPresent(brand -> facts.cited[brand] = true);
      }
    }
    for (RateMetric.Counted c : RateMetric.Counted.values()) {
      for (int b = 0; b < facts.cited.length; b++) {
        facts.counted[c.ordinal()][b] = c.in(facts, b);
      }
    }
    return facts;
  }

  boolean names(int brand) {
    return counts[brand] > 0;
  }
}
