package dev.vis.analysis;

import java.util.List;

/**
 * The most cited domains of one grounding.
 *
 * @param grounding the answers counted
 * @param domains most cited first, ties by name
 */
public record DomainRanking(Grounding grounding, List<DomainCount> domains) {
  public DomainRanking {
    domains = List.copyOf(domains);
  }
}
