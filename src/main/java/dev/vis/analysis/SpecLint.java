package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecPlaces;
import dev.vis.spec.Where;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Advice about a valid spec ({@code vis validate}, {@code vis run --dry-run}): brand terms that are
 * common words or one or two letters matched ignoring case, aliases that are another brand's
 * domain, branded prompts, models without a price, and brands no prompt can surface. Stateless.
 */
public final class SpecLint {
  private SpecLint() {}

  /**
   * The warnings for a loaded spec, in file order.
   *
   * @param priced whether a model has a price its answers will be costed with
   */
  public static List<LintWarning> check(LoadedSpec loaded, Predicate<ModelSpec> priced) {
    RunSpec spec = loaded.spec();
    SpecPlaces places = loaded.places();
    Where file = new Where(loaded.path().toString(), 0, 0, "");
    List<LintWarning> warnings = new ArrayList<>();
    List<BrandSpec> brands = spec.brands();
    for (int b = 0; b < brands.size(); b++) {
      BrandSpec brand = brands.get(b);
      term(warnings, brands, b, brand.name(), places.name(b).orElse(file));
      for (int a = 0; a < brand.aliases().size(); a++) {
        String alias = brand.aliases().get(a);
        Where at = places.alias(b, a).orElse(file);
        term(warnings, brands, b, alias, at);
        otherBrandsDomain(brands, b, alias)
            .ifPresent(
                owner ->
                    warnings.add(
                        new LintWarning(
                            at,
                            "'"
                                + alias
                                + "' is a domain of brand '"
                                + owner
                                + "': where an answer writes it, the mention goes to '"
                                + brand.name()
                                + "' and the citation to '"
                                + owner
                                + "'; drop the alias or the domain")));
      }
    }
    branded(warnings, spec, places, file);
    Unsurfaceable.check(spec, places, file, warnings);
    for (ModelSpec model : spec.models()) {
      if (!priced.test(model)) {
        warnings.add(
            new LintWarning(
                places.model(model.id()).orElse(file),
                "no price for model '"
                    + model.model()
                    + "': its answers will have no cost and reports count them as unpriced;"
                    + " add pricing: {"
                    + model.model()
                    + ": {input: …, output: …}} in USD per million tokens"));
      }
    }
    warnings.sort(
        Comparator.comparing((LintWarning w) -> !w.where().file().equals(file.file()))
            .thenComparing(w -> w.where().file())
            .thenComparingInt(w -> w.where().line())
            .thenComparingInt(w -> w.where().column()));
    return warnings;
  }

  private static void term(
      List<LintWarning> warnings, List<BrandSpec> brands, int b, String term, Where at) {
    BrandSpec brand = brands.get(b);
    if (!brand.caseSensitive() && term.codePointCount(0, term.length()) <= 2) {
      warnings.add(
          new LintWarning(
              at,
              "'"
                  + term
                  + "' is only "
                  + term.codePointCount(0, term.length())
                  + " letter(s) and matched ignoring case, so ordinary text will count as '"
                  + brand.name()
                  + "'; set case_sensitive: true for this brand, or use a longer alias"));
    } else if (CommonWords.contains(term)) {
      warnings.add(
          new LintWarning(
              at,
              "'"
                  + term
                  + "' is a common English word: answers that use the word "
                  + (brand.caseSensitive() ? "at the start of a sentence " : "")
                  + "will count as '"
                  + brand.name()
                  + "'; add exclude phrases for its ordinary uses"
                  + (brand.caseSensitive() ? "" : ", set case_sensitive: true,")
                  + " or use a longer alias"));
    }
  }

  private static Optional<String> otherBrandsDomain(List<BrandSpec> brands, int b, String alias) {
    Optional<String> host = WebUrl.normalise(alias);
    for (int other = 0; other < brands.size() && host.isPresent(); other++) {
      if (other == b) {
        continue;
      }
      for (String domain : brands.get(other).domains()) {
        if (WebUrl.normalise(domain).equals(host)) {
          return Optional.of(brands.get(other).name());
        }
      }
    }
    return Optional.empty();
  }

  /** One warning per place: the prompts of one matrix share their place. */
  private static void branded(
      List<LintWarning> warnings, RunSpec spec, SpecPlaces places, Where file) {
    Map<Where, List<BrandedPrompt>> byPlace = new LinkedHashMap<>();
    for (BrandedPrompt prompt : BrandedPrompts.find(spec.brands(), spec.prompts())) {
      byPlace
          .computeIfAbsent(places.prompt(prompt.promptId()).orElse(file), w -> new ArrayList<>())
          .add(prompt);
    }
    byPlace.forEach(
        (at, prompts) -> {
          BrandedPrompt first = prompts.get(0);
          String which =
              prompts.size() == 1
                  ? "prompt '" + first.promptId() + "'"
                  : prompts.size() + " prompts ('" + first.promptId() + "', …)";
          warnings.add(
              new LintWarning(
                  at,
                  which
                      + (prompts.size() == 1 ? " names " : " name ")
                      + String.join(", ", first.brands())
                      + ": a branded prompt inflates the figures of the brands it names, so"
                      + " reports keep it out of the headline figures (--include-branded pools"
                      + " it); ask without the name to measure visibility"));
        });
  }
}
