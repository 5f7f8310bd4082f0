package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers an answer's citations: URLs in its text (with or without a scheme) and the provider's
 * sources, one per cleaned URL, in order of first appearance, cited winning over retrieved.
 * Immutable and thread-safe.
 */
final class CitationCollector {
  private final DomainOwners owners;

  CitationCollector(List<BrandSpec> brands) {
    this.owners = new DomainOwners(brands);
  }

  /**
   * The citations of one answer.
   *
   * @param textUrls URLs in the text, with a scheme
   * @param textHosts brands' hosts written in the text without a scheme ({@code acme.com/pricing})
   * @param sources the provider's own sources
   */
  List<Citation> collect(List<String> textUrls, List<String> textHosts, List<SourceRef> sources) {
    if (textUrls.isEmpty() && textHosts.isEmpty() && sources.isEmpty()) {
      return List.of();
    }
    Map<String, Citation> byUrl = new LinkedHashMap<>();
    for (String url : textUrls) {
      add(byUrl, url, Optional.empty(), CitationKind.CITED);
    }
    for (String written : textHosts) {
      // the host stands for the domain, as a Gemini source's title does
      String host = written.split("[/?#]", 2)[0];
      add(byUrl, written, Optional.of(host), CitationKind.CITED);
    }
    for (SourceRef source : sources) {
      add(byUrl, source.url(), source.title(), source.kind());
    }
    return new ArrayList<>(byUrl.values());
  }

  private void add(
      Map<String, Citation> byUrl, String url, Optional<String> title, CitationKind kind) {
    String clean = WebUrl.clean(url);
    Citation seen = byUrl.get(clean);
    if (seen != null) {
      if (seen.kind() == CitationKind.RETRIEVED && kind == CitationKind.CITED) {
        byUrl.put(clean, new Citation(clean, seen.domain(), seen.brand(), kind));
      }
      return;
    }
    Optional<String> domain =
        title
            .filter(WebUrl::looksLikeDomain)
            .flatMap(WebUrl::normalise)
            .or(() -> WebUrl.domain(clean));
    domain.ifPresent(d -> byUrl.put(clean, new Citation(clean, d, owners.owner(d), kind)));
  }
}
