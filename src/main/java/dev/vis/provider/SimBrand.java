package dev.vis.provider;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tracked brand as {@code sim} plants it: the probability it is named with, its terms as the
 * matcher sees them, and the exclude phrases it may safely write.
 *
 * @param rate the planted probability, clamped to 0..1
 * @param excludes the brand's exclude phrases that name no other tracked brand
 */
record SimBrand(BrandSpec spec, double rate, List<SimBrand.Term> terms, List<String> excludes) {
  static final double DEFAULT_RATE = 0.5;

  /** One name or alias and the pattern that finds it. */
  record Term(String text, Pattern pattern) {}

  /** The tracked brands of {@code brands}, each with its rate from {@code rates}. */
  static List<SimBrand> all(List<BrandSpec> brands, Map<String, Double> rates) {
    List<SimBrand> tracked = new ArrayList<>();
    for (BrandSpec b : brands) {
      List<Term> terms =
          b.terms().stream().map(t -> new Term(t, TermPattern.of(t, b.caseSensitive()))).toList();
      tracked.add(new SimBrand(b, rate(b, rates), terms, List.of()));
    }
    // An exclude phrase may be written only if it names no other brand.
    return tracked.stream()
        .map(t -> new SimBrand(t.spec(), t.rate(), t.terms(), usableExcludes(t, tracked)))
        .toList();
  }

  private static double rate(BrandSpec brand, Map<String, Double> rates) {
    Double rate = rates.get(brand.name());
    if (rate == null) {
      rate =
          rates.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(brand.name()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(DEFAULT_RATE);
    }
    return Math.max(0, Math.min(1, rate));
  }

  private static List<String> usableExcludes(SimBrand owner, List<SimBrand> all) {
    return owner.spec().exclude().stream()
        .filter(
            phrase ->
                all.stream()
                    .filter(other -> other != owner)
                    .flatMap(other -> other.terms().stream())
                    .noneMatch(t -> t.pattern().matcher(phrase).find()))
        .toList();
  }
}
