package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.PromptSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the branded prompts: those whose own text names a tracked brand, under the same matching
 * rules as answers (SPEC §6).
 */
public final class BrandedPrompts {
  private BrandedPrompts() {}

  /** The branded prompts among {@code prompts}, in their order. */
  public static List<BrandedPrompt> find(List<BrandSpec> brands, List<PromptSpec> prompts) {
    AnswerAnalyzer analyzer = new AnswerAnalyzer(brands);
    List<BrandedPrompt> branded = new ArrayList<>();
    for (PromptSpec prompt : prompts) {
      List<String> named =
          analyzer.analyze(prompt.text(), List.of()).mentions().stream()
              .map(Mention::brand)
              .toList();
      if (!named.isEmpty()) {
        branded.add(new BrandedPrompt(prompt.id(), named));
      }
    }
    return branded;
  }
}
