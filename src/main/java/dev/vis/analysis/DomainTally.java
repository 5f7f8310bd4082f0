package dev.vis.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts, per domain, the answers that cite it (kind cited), each answer once. */
final class DomainTally {
  private final Map<String, Long> answers = new HashMap<>();
  private final Map<String, Optional<String>> brands = new HashMap<>();

  void add(DomainCounts counts) {
    answers.merge(counts.domain(), counts.answers(), Long::sum);
    brands.putIfAbsent(counts.domain(), counts.brand());
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
