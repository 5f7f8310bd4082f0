package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecPlaces;
import dev.vis.spec.Where;
import java.util.List;

/**
 * The lint of brands no prompt can surface (SPEC §3): a brand that no answer can ever count, since
 * each of its names and aliases, written alone, falls inside one of its own exclude phrases and it
 * has no domains; and a brand that every prompt names, since branded prompts leave the headline
 * figures and no prompt is left to surface it unprompted.
 */
final class Unsurfaceable {
  private Unsurfaceable() {}

  static void check(RunSpec spec, SpecPlaces places, Where file, List<LintWarning> warnings) {
    List<BrandSpec> brands = spec.brands();
    List<BrandedPrompt> branded = BrandedPrompts.find(brands, spec.prompts());
    int prompts = spec.prompts().size();
    for (int b = 0; b < brands.size(); b++) {
      BrandSpec brand = brands.get(b);
      Where at = places.name(b).orElse(file);
      if (excludedEverywhere(brand)) {
        warnings.add(
            new LintWarning(
                at,
                "no answer can count '"
                    + brand.name()
                    + "': each of its names and aliases lies inside one of its exclude phrases ("
                    + String.join(", ", brand.exclude())
                    + "), so no prompt can surface it; narrow the exclude phrases to the"
                    + " look-alikes around the name"));
      } else if (prompts > 0 && namedByEvery(brand.name(), branded, prompts)) {
        warnings.add(
            new LintWarning(
                at,
                "every prompt names '"
                    + brand.name()
                    + "', and branded prompts stay out of the headline figures, so no prompt can"
                    + " surface it unprompted; add prompts that do not name it"));
      }
    }
  }

  private static boolean excludedEverywhere(BrandSpec brand) {
    if (brand.exclude().isEmpty() || !brand.domains().isEmpty()) {
      return false;
    }
    BrandMatcher matcher = new BrandMatcher(List.of(brand));
    return brand.terms().stream()
        .allMatch(term -> matcher.stretches(TextView.of(term, List.of())).isEmpty());
  }

  private static boolean namedByEvery(String brand, List<BrandedPrompt> branded, int prompts) {
    return branded.size() == prompts && branded.stream().allMatch(p -> p.brands().contains(brand));
  }
}
