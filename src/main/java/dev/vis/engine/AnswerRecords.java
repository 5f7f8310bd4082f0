package dev.vis.engine;

import dev.vis.analysis.CitationKind;
import dev.vis.analysis.SourceRef;
import dev.vis.provider.PriceTable;
import dev.vis.provider.ProviderAnswer;
import dev.vis.spec.Price;
import dev.vis.store.AnswerRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a provider's answer becomes in the store: its sources, its cost and its record. */
final class AnswerRecords {
  private AnswerRecords() {}

  /** The answer's cost at the lane's price, when the provider reported both token counts. */
  static Optional<BigDecimal> cost(ModelLane lane, ProviderAnswer answer) {
    return answer.inputTokens().isPresent() && answer.outputTokens().isPresent()
        ? PriceTable.cost(
            lane.price(),
            answer.inputTokens().getAsLong(),
            answer.outputTokens().getAsLong(),
            answer.searches())
        : Optional.empty();
  }

  /** The answer's citations as sources: cited, or only retrieved by the provider's search. */
  static List<SourceRef> sources(ProviderAnswer answer) {
    return answer.citations().stream()
        .map(
            c ->
                new SourceRef(
                    c.url(), c.title(), c.cited() ? CitationKind.CITED : CitationKind.RETRIEVED))
        .toList();
  }

  /** The stored record; the price is kept only beside a cost it made. */
  static AnswerRecord record(
      ProviderAnswer answer,
      List<SourceRef> sources,
      Optional<BigDecimal> cost,
      Optional<Price> price,
      long latencyMs,
      Instant at) {
    return new AnswerRecord(
        answer.text(),
        answer.rawBody(),
        answer.httpStatus(),
        answer.finishReason(),
        answer.requestId(),
        answer.inputTokens(),
        answer.outputTokens(),
        cost,
        cost.isPresent() ? price : Optional.empty(),
        latencyMs,
        answer.grounded(),
        at,
        sources,
        answer.searches(),
        answer.servedModel());
  }
}
