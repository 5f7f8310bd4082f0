package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The untracked brands of a run (SPEC §6): names that answers present the way they present brands
 * but that the spec does not track, most frequent first. Two passes over the answers: detection
 * ({@link PresentedNames}) decides which names are brands, those presented so in at least {@link
 * #MIN_ANSWERS} answers; counting then finds every answer that names one, matched on word
 * boundaries like a tracked brand's name (links and citation chips hidden), so the count is exact.
 * A name that a tracked brand's name, alias or domain matches, or that sits inside one, is never
 * listed. Never part of the tracked brands' metrics.
 */
public final class UntrackedBrands {
  /** How many untracked brands a report lists. */
  public static final int LISTED = 20;

  /** In how many answers a name must be presented as a brand to count as one. */
  static final int MIN_ANSWERS = 2;

  /** How many of the most presented names go on to be counted: bounds the second pass. */
  static final int COUNTED = 100;

  private final List<BrandSpec> tracked;
  private final BrandMatcher trackedMatcher;
  private final PresentedNames detection;
  private final Map<String, Presented> presented = new HashMap<>();

  private UntrackedBrands(List<BrandSpec> tracked) {
    this.tracked = List.copyOf(tracked);
    this.trackedMatcher = new BrandMatcher(this.tracked);
    this.detection =
        new PresentedNames(
            PresentedNames.Tracked.of(
                this.tracked.stream().flatMap(brand -> brand.terms().stream()).toList()));
  }

  /**
   * The untracked brands of a run's answers, at most {@link #LISTED}, most answers first (ties by
   * name).
   *
   * @param tracked the spec's brands
   * @param answers streams the texts of the run's received answers to the consumer it is given;
   *     called twice, and must give the same texts in the same order each time
   */
  public static List<UntrackedBrand> of(
      List<BrandSpec> tracked, Consumer<Consumer<String>> answers) {
    UntrackedBrands run = new UntrackedBrands(tracked);
    answers.accept(run::present);
    Counter counter = run.counter();
    if (counter.names.isEmpty()) {
      return List.of();
    }
    answers.accept(counter::count);
    return counter.brands();
  }

  private void present(String text) {
    detection.find(
        text, (name, key) -> presented.computeIfAbsent(key, k -> new Presented()).add(name));
  }

  private Counter counter() {
    List<String> names = new ArrayList<>();
    presented.entrySet().stream()
        .filter(e -> e.getValue().answers >= MIN_ANSWERS)
        .sorted(
            Comparator.comparingInt((Map.Entry<String, Presented> e) -> -e.getValue().answers)
                .thenComparing(Map.Entry::getKey))
        .map(e -> e.getValue().written())
        .filter(name -> trackedMatcher.stretches(TextView.of(name, List.of())).isEmpty())
        .limit(COUNTED)
        .forEach(names::add);
    names.removeAll(insideTrackedTerms(names));
    return new Counter(tracked, names);
  }

  /** The names a tracked brand's name, alias or domain holds ({@code Acme} of {@code Acme CRM}). */
  private Set<String> insideTrackedTerms(List<String> names) {
    BrandMatcher matcher = new BrandMatcher(specs(names));
    Set<String> inside = new HashSet<>();
    for (BrandSpec brand : tracked) {
      List<String> terms = new ArrayList<>(brand.terms());
      terms.addAll(brand.domains());
      for (String term : terms) {
        for (Stretch s : matcher.stretches(TextView.of(term, List.of()))) {
          inside.add(names.get(s.brand()));
        }
      }
    }
    return inside;
  }

  private static List<BrandSpec> specs(List<String> names) {
    return names.stream()
        .map(name -> new BrandSpec(name, List.of(), List.of(), List.of(), false, false))
        .toList();
  }

  /** How often a name was presented as a brand, and how it was written. */
  private static final class Presented {
    int answers;
    final Map<String, Integer> spellings = new HashMap<>(2);

    void add(String written) {
      answers++;
      spellings.merge(written, 1, Integer::sum);
    }

    /** The spelling most answers used; ties go to the first in code point order. */
    String written() {
      return spellings.entrySet().stream()
          .min(
              Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue())
                  .thenComparing(Map.Entry::getKey))
          .orElseThrow()
          .getKey();
    }
  }

  /**
   * The second pass: the tracked brands come first in its matcher, so that a stretch naming a
   * tracked brand is never counted for an untracked one.
   */
  private static final class Counter {
    final List<String> names;
    private final int first;
    private final BrandMatcher matcher;
    private final int[] answers;

    Counter(List<BrandSpec> tracked, List<String> names) {
      this.names = List.copyOf(names);
      this.first = tracked.size();
      List<BrandSpec> all = new ArrayList<>(tracked);
      all.addAll(specs(names));
      this.matcher = new BrandMatcher(all);
      this.answers = new int[names.size()];
    }

    void count(String text) {
      List<Stretch> stretches = AnswerReading.of(text, matcher, false).found.stretches();
      boolean[] named = new boolean[answers.length];
      for (Stretch s : stretches) {
        int b = s.brand() - first;
        if (b >= 0 && !named[b]) {
          named[b] = true;
          answers[b]++;
        }
      }
    }

    List<UntrackedBrand> brands() {
      List<UntrackedBrand> brands = new ArrayList<>();
      for (int i = 0; i < answers.length; i++) {
        if (answers[i] > 0) {
          brands.add(new UntrackedBrand(names.get(i), answers[i]));
        }
      }
      brands.sort(
          Comparator.comparingInt((UntrackedBrand b) -> -b.answers())
              .thenComparing(b -> b.name().toLowerCase(Locale.ROOT))
              .thenComparing(UntrackedBrand::name));
      return List.copyOf(brands.subList(0, Math.min(LISTED, brands.size())));
    }
  }
}
