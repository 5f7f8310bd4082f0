package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the stretches of text that name tracked brands: terms on word boundaries, outside the
 * brand's exclude phrases, the longest term winning where terms overlap.
 *
 * <p>Immutable and thread-safe.
 */
final class BrandMatcher {
  private static final Comparator<Stretch> LONGEST_FIRST =
      Comparator.comparingInt(Stretch::length).reversed().thenComparingInt(Stretch::start);

  private final TermTrie insensitive = new TermTrie();
  private final TermTrie sensitive = new TermTrie();
  private final int[] brandOf;
  private final boolean[] excludes;

  BrandMatcher(List<BrandSpec> brands) {
    List<Integer> brandOfId = new ArrayList<>();
    List<Boolean> excludeOfId = new ArrayList<>();
    for (int b = 0; b < brands.size(); b++) {
      BrandSpec brand = brands.get(b);
      for (int kind = 0; kind < 2; kind++) {
        boolean exclude = kind == 1;
        for (String raw : exclude ? brand.exclude() : brand.terms()) {
          String term = TextView.term(raw, !brand.caseSensitive());
          if (term.isEmpty()) {
            continue;
          }
          (brand.caseSensitive() ? sensitive : insensitive).add(term, brandOfId.size());
          brandOfId.add(b);
          excludeOfId.add(exclude);
        }
      }
    }
    brandOf = brandOfId.stream().mapToInt(Integer::intValue).toArray();
    excludes = new boolean[excludeOfId.size()];
    for (int id = 0; id < excludes.length; id++) {
      excludes[id] = excludeOfId.get(id);
    }
  }

  /** The stretches naming a brand, ordered by start, none overlapping. */
  List<Stretch> stretches(TextView view) {
    List<Stretch> terms = new ArrayList<>();
    List<Stretch> excluded = new ArrayList<>();
    TermTrie.Sink sink =
        (id, start, end) -> (excludes[id] ? excluded : terms).add(new Stretch(brandOf[id], start, end));
    if (!insensitive.isEmpty()) {
      insensitive.scan(view.folded(), view.exact(), view.length(), sink);
    }
    if (!sensitive.isEmpty()) {
      sensitive.scan(view.exact(), view.exact(), view.length(), sink);
    }
    if (terms.isEmpty()) {
      return List.of();
    }
    if (!excluded.isEmpty()) {
      terms.removeIf(t -> excluded.stream().anyMatch(x -> x.brand() == t.brand() && x.overlaps(t)));
    }
    return longestWin(terms, view.length());
  }

  private static List<Stretch> longestWin(List<Stretch> terms, int length) {
    terms.sort(LONGEST_FIRST);
    boolean[] taken = new boolean[length];
    List<Stretch> kept = new ArrayList<>();
    for (Stretch term : terms) {
      if (isFree(taken, term)) {
        for (int i = term.start(); i < term.end(); i++) {
          taken[i] = true;
        }
        kept.add(term);
      }
    }
    kept.sort(Comparator.comparingInt(Stretch::start));
    return kept;
  }

  private static boolean isFree(boolean[] taken, Stretch term) {
    for (int i = term.start(); i < term.end(); i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }
}
