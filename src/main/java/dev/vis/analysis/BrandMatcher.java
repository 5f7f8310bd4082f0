package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the stretches of text that name tracked brands: names, aliases and domains on word
 * boundaries, outside the brand's exclude phrases, the longest stretch winning where they overlap.
 *
 * <p>Immutable and thread-safe.
 */
final class BrandMatcher {
  private static final Comparator<Stretch> LONGEST_FIRST =
      Comparator.comparingInt(Stretch::length)
          .reversed()
          .thenComparing(Stretch::rule)
          .thenComparingInt(Stretch::start);

  /** Terms of case-sensitive brands, compared as written. */
  private final TermTrie exact = new TermTrie();

  /** Terms of accent-sensitive brands, compared ignoring case. */
  private final TermTrie caseFolded = new TermTrie();

  /**
   * Terms compared ignoring case and accents, and every domain: domains are ASCII, so one folded
   * copy of the text serves them and most brands.
   */
  private final TermTrie accentFolded = new TermTrie();

  private final int[] brandOf;
  private final MatchRule[] ruleOf;
  private final boolean[] excludes;

  /**
   * What matching found in a view.
   *
   * @param stretches the stretches naming a brand, ordered by start, none overlapping
   * @param excluded the terms an exclude phrase of their brand suppressed (only when traced)
   */
  record Found(List<Stretch> stretches, List<Excluded> excluded) {}

  /** A term that does not count, and the exclude phrase around it. */
  record Excluded(Stretch term, Stretch phrase) {}

  BrandMatcher(List<BrandSpec> brands) {
    Terms terms = new Terms();
    for (int index = 0; index < brands.size(); index++) {
      int b = index;
      BrandSpec brand = brands.get(b);
      boolean foldCase = !brand.caseSensitive();
      boolean foldAccents = foldCase && !brand.accentSensitive();
      TermTrie trie = !foldCase ? exact : foldAccents ? accentFolded : caseFolded;
      terms.add(trie, b, MatchRule.NAME, false, TermForm.of(brand.name(), foldCase, foldAccents));
      for (String alias : brand.aliases()) {
        terms.add(trie, b, MatchRule.ALIAS, false, TermForm.of(alias, foldCase, foldAccents));
      }
      for (String phrase : brand.exclude()) {
        terms.add(trie, b, MatchRule.NAME, true, TermForm.of(phrase, foldCase, foldAccents));
      }
      for (String domain : brand.domains()) {
        WebUrl.normalise(domain)
            .ifPresent(d -> terms.add(accentFolded, b, MatchRule.DOMAIN, false, d));
      }
    }
    brandOf = terms.brands.stream().mapToInt(Integer::intValue).toArray();
    ruleOf = terms.rules.toArray(MatchRule[]::new);
    excludes = new boolean[terms.excludes.size()];
    for (int id = 0; id < excludes.length; id++) {
      excludes[id] = terms.excludes.get(id);
    }
  }

  /** Whether matching reads the text folded for case and accents (most specs: every domain). */
  boolean foldsAccents() {
    return !accentFolded.isEmpty();
  }

  /** The stretches naming a brand, ordered by start, none overlapping. */
  List<Stretch> stretches(TextView view) {
    return find(view, false).stretches();
  }

  /** The stretches naming a brand and, when {@code trace} is set, the excluded look-alikes. */
  Found find(TextView view, boolean trace) {
    List<Stretch> terms = new ArrayList<>(16);
    List<Stretch> phrases = new ArrayList<>(4);
    TermTrie.Sink sink =
        (id, start, end) -> {
          Stretch hit = new Stretch(brandOf[id], start, end, ruleOf[id]);
          if (excludes[id]) {
            phrases.add(hit);
          } else if (hit.rule() == MatchRule.DOMAIN) {
            Stretch widened = DomainText.widen(view.chars(), view.length(), hit);
            if (widened != null) {
              terms.add(widened);
            }
          } else {
            terms.add(hit);
          }
        };
    if (!accentFolded.isEmpty()) {
      accentFolded.scan(view.accentFolded(), view.length(), true, sink);
    }
    if (!caseFolded.isEmpty()) {
      caseFolded.scan(view.caseFolded(), view.length(), false, sink);
    }
    if (!exact.isEmpty()) {
      exact.scan(view.chars(), view.length(), false, sink);
    }
    List<Excluded> excluded = new ArrayList<>(0);
    if (!phrases.isEmpty()) {
      terms.removeIf(
          t -> {
            for (Stretch phrase : phrases) {
              if (phrase.brand() == t.brand() && phrase.overlaps(t)) {
                if (trace) {
                  excluded.add(new Excluded(t, phrase));
                }
                return true;
              }
            }
            return false;
          });
    }
    // Terms usually stand apart, in the order found: then they stand as they are.
    List<Stretch> kept = orderedAndDisjoint(terms) ? terms : longestWin(terms, view.length());
    return new Found(kept, excluded);
  }

  private static boolean orderedAndDisjoint(List<Stretch> stretches) {
    for (int i = 1; i < stretches.size(); i++) {
      if (stretches.get(i).start() < stretches.get(i - 1).end()) {
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

  /** The terms being compiled, each id an index into the lists. */
  private static final class Terms {
    final List<Integer> brands = new ArrayList<>();
    final List<MatchRule> rules = new ArrayList<>();
    final List<Boolean> excludes = new ArrayList<>();
    // "Globex" and "globex" are one term of a case-insensitive brand: report it once.
    private final Set<List<Object>> seen = new HashSet<>();

    void add(TermTrie trie, int brand, MatchRule rule, boolean exclude, String term) {
      if (term.isEmpty() || !seen.add(List.of(brand, exclude, rule == MatchRule.DOMAIN, term))) {
        return;
      }
      trie.add(term, brands.size());
      brands.add(brand);
      rules.add(rule);
      excludes.add(exclude);
    }
  }
}
