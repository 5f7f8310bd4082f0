package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the stretches of text that name tracked brands: terms on word boundaries, outside the
 * brand's exclude phrases, the longest term winning where terms overlap.
 *
 * <p>Immutable and thread-safe.
 */
final class BrandMatcher {
  private static final Comparator<Stretch> LONGEST_FIRST =
      (a, b) ->
          a.length() != b.length()
              ? Integer.compare(b.length(), a.length())
              : Integer.compare(a.start(), b.start());
  private static final Comparator<Stretch> BY_START =
      (a, b) -> Integer.compare(a.start(), b.start());

  private final TermTrie insensitive = new TermTrie();
  private final TermTrie sensitive = new TermTrie();
  private final int[] brandOf;
  private final boolean[] excludes;

  BrandMatcher(List<BrandSpec> brands) {
    List<Integer> brandOfId = new ArrayList<>();
    List<Boolean> excludeOfId = new ArrayList<>();
    // "Globex" and "globex" are one term of a case-insensitive brand: report it once.
    Set<List<Object>> seen = new HashSet<>();
    for (int b = 0; b < brands.size(); b++) {
      BrandSpec brand = brands.get(b);
      for (int kind = 0; kind < 2; kind++) {
        boolean exclude = kind == 1;
        for (String raw : exclude ? brand.exclude() : brand.terms()) {
          String term = TextView.term(raw, !brand.caseSensitive());
          if (term.isEmpty() || !seen.add(List.of(b, exclude, term))) {
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
    List<Stretch> terms = new ArrayList<>(16);
    List<Stretch> excluded = new ArrayList<>(4);
    TermTrie.Sink sink =
        (id, start, end) ->
            (excludes[id] ? excluded : terms).add(new Stretch(brandOf[id], start, end));
    if (!insensitive.isEmpty()) {
      insensitive.scan(view.chars(), view.length(), true, sink);
    }
    boolean ordered = true;
    if (!sensitive.isEmpty()) {
      ordered = terms.isEmpty();
      sensitive.scan(view.chars(), view.length(), false, sink);
    }
    if (terms.isEmpty()) {
      return List.of();
    }
    if (!excluded.isEmpty()) {
      terms.removeIf(t -> excluded.stream().anyMatch(x -> x.brand() == t.brand() && x.overlaps(t)));
    }
    // One scan reports terms by start; when none overlap, as is usual, they stand as found.
    return ordered && disjoint(terms) ? terms : longestWin(terms, view.length());
  }

  private static boolean disjoint(List<Stretch> byStart) {
    for (int i = 1; i < byStart.size(); i++) {
      if (byStart.get(i).start() < byStart.get(i - 1).end()) {
        return false;
      }
    }
    return true;
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
    kept.sort(BY_START);
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
