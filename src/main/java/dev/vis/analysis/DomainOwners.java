package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which brand owns a domain: the brand listing it or a parent of it ({@code docs.acme.com} → {@code
 * acme.com}), the most specific listing winning. Immutable and thread-safe.
 */
final class DomainOwners {
  private final Map<String, String> owners = new HashMap<>();

  DomainOwners(List<BrandSpec> brands) {
    for (BrandSpec brand : brands) {
      for (String listed : brand.domains()) {
        String bare = listed.contains("://") ? listed : "https://" + listed;
        WebUrl.domain(bare).ifPresent(domain -> owners.putIfAbsent(domain, brand.name()));
      }
    }
  }

  /** The brand owning a normalised domain, if any. */
  Optional<String> owner(String domain) {
    String candidate = domain;
    while (true) {
      String owner = owners.get(candidate);
      if (owner != null) {
        return Optional.of(owner);
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      candidate = candidate.substring(dot + 1);
    }
  }
}
