package dev.vis.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Counts, per domain, the answers that cite it (kind cited), each answer once. */
final class DomainTally {
  private final Map<String, Long> answers = new HashMap<>();
  private final Map<String, Optional<String>> brands = new HashMap<>();

  void add(ScoredAnswer answer) {
    Set<String> seen = new HashSet<>();
    for (Citation citation : answer.citations()) {
      if (citation.kind() == CitationKind.CITED && seen.add(citation.domain())) {
        answers.merge(citation.domain(), 1L, Long::sum);
        brands.putIfAbsent(citation.domain(), citation.brand());
      }
    }
  }

  /** The {@code limit} most cited domains, most first, ties by name. */
  List<DomainCount> top(int limit) {
    return answers.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(e -> new DomainCount(e.getKey(), brands.get(e.getKey()), e.getValue()))
        .toList();
  }
}
