package dev.vis.spec;

import java.util.List;

/**
 * The opening lines of the spec files many tests write (version, name, brands, prompts), so that a
 * test's own text shows only the models and settings it is about.
 */
public final class SpecYaml {
  private static final List<String> CRM_PROMPTS =
      List.of(
          "  - id: best-crm\n    text: What is the best CRM?\n",
          "  - id: cheap-crm\n    text: Which CRM is cheapest?\n",
          "  - id: crm-smb\n    text: Which CRM suits a small business?\n");

  /**
   * Three models of three samples each on {@link #estimated} prompts, priced per million tokens:
   * one that searches at $10 per thousand searches, one that does not, one with no price.
   */
  public static final String PRICED_MODELS =
      estimated("dry")
          + """
          models:
            - {id: searching, provider: openai, model: gpt-4o-mini, max_tokens: 100, web_search: true}
            - {id: plain, provider: openai, model: gpt-4o-mini, max_tokens: 50}
            - {id: unpriced, provider: openai, model: no-such-model, max_tokens: 50}
          samples: 3
          pricing:
            gpt-4o-mini: {input: 1.00, output: 2.00, search_per_1k: 10.00}
          """;

  private SpecYaml() {}

  /**
   * Brands Acme CRM (primary) and Globex, and the first {@code prompts} (1 to 3) of best-crm,
   * cheap-crm and crm-smb; the models and settings follow.
   */
  public static String crm(String name, int prompts) {
    return head(name) + "prompts:\n" + String.join("", CRM_PROMPTS.subList(0, prompts));
  }

  /**
   * Brands Acme CRM (primary) and Globex, and one prompt {@code crm-{n}}, "Which CRM fits team
   * {n}?", for each of {@code teams}; the models and settings follow.
   */
  public static String teams(String name, String... teams) {
    return head(name)
        + "prompts:\n  - id: crm-{n}\n    text: Which CRM fits team {n}?\n    vars: {n: ["
        + String.join(", ", teams)
        + "]}\n";
  }

  /**
   * One brand and two prompts whose tokens are estimated at 14 each ("Which CRM is best?" is 18
   * characters: 18 / 4 + 10); the models and settings follow.
   */
  public static String estimated(String name) {
    return """
        version: 1
        name: %s
        brands: [{name: Acme CRM}]
        prompts:
          - {id: a, text: "Which CRM is best?"}
          - {id: b, text: "Which CRM is best?"}
        """
        .formatted(name);
  }

  private static String head(String name) {
    return """
        version: 1
        name: %s
        brands:
          - name: Acme CRM
            primary: true
          - name: Globex
        """
        .formatted(name);
  }
}
