package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Untracked brands measured on a planted truth: answers written like a chat model's, naming 12
 * brands, read under a spec that tracks 4; the other 8 must top the list, each counted exactly.
 * {@link #main} prints the figures docs/analysis.md gives.
 */
class UntrackedBrandsSimulationTest {
  static final List<String> TRACKED = List.of("Acme CRM", "Globex", "Initech", "Hooli");
  static final List<String> PLANTED =
      List.of(
          "Zendesk",
          "Pipedrive",
          "Freshsales",
          "Zoho CRM",
          "Insightly",
          "Salesflare",
          "Monday.com",
          "HubSpot");

  /** Text that looks like names or labels and is neither a planted nor a tracked brand. */
  static final List<String> DISTRACTORS =
      List.of(
          "- **Pricing:** from $12 per user per month",
          "- Best for: startups and small teams",
          "**Note:** prices change often, so check before you buy.",
          "## Key Considerations",
          "## Final Thoughts",
          "**Bottom Line**",
          "- **Free Plan**: yes",
          "- **Mobile App**: iOS and Android",
          "### Step 1: Define Your Needs",
          "- **AI Assistant**: drafts e-mails",
          "However, Small Business Owners should compare Annual Billing with monthly plans.",
          "Teams in North America and Europe use them widely.",
          "1. **Ease of Use** matters more than features.",
          "**Customer Support** is where they differ most.");

  static final List<String> DESCRIPTIONS =
      List.of(
          "easy to set up and popular with small teams",
          "strong on automation, with a generous free tier",
          "known for its clean interface",
          "built to scale as your pipeline grows",
          "good at reporting, though advanced plans get pricey");

  /** One simulated run: its answers and, per planted brand, how many of them name it. */
  record Corpus(List<String> answers, int[] truth) {}

  static Corpus corpus(long seed, int answers) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> all = new ArrayList<>(TRACKED);
    all.addAll(PLANTED);
    List<String> texts = new ArrayList<>();
    int[] truth = new int[PLANTED.size()];
    for (int a = 0; a < answers; a++) {
      List<String> chosen = new ArrayList<>();
      for (String brand : all) {
        // brands further down the list are named less often: 0.6 down to about 0.25
        if (rng.nextDouble() < 0.6 - 0.03 * all.indexOf(brand)) {
          chosen.add(brand);
        }
      }
      shuffle(chosen, rng);
      texts.add(answer(chosen, rng));
      for (int p = 0; p < PLANTED.size(); p++) {
        truth[p] += chosen.contains(PLANTED.get(p)) ? 1 : 0;
      }
    }
    return new Corpus(texts, truth);
  }

  static String answer(List<String> brands, SplittableRandom rng) {
    StringBuilder out =
        new StringBuilder("Great question! Choosing a CRM depends on your needs.\n\n");
    out.append(DISTRACTORS.get(rng.nextInt(DISTRACTORS.size()))).append("\n\n");
    int shape = rng.nextInt(5);
    for (int i = 0; i < brands.size(); i++) {
      String name = brands.get(i);
      String desc = DESCRIPTIONS.get(rng.nextInt(DESCRIPTIONS.size()));
      String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      switch (shape) {
        case 0 -> out.append(i + 1).append(". **").append(name).append("** — ").append(desc);
        case 1 ->
            out.append("- [")
                .append(name)
                .append("](https://")
                .append(slug)
                .append(".com): ")
                .append(desc);
        case 2 ->
            out.append("### ")
                .append(i + 1)
                .append(". ")
                .append(name)
                .append("\n\nIt is ")
                .append(desc);
        case 3 -> out.append("| ").append(name).append(" | ").append(desc).append(" |");
        default ->
            out.append(i == 0 ? "" : "Another option is ")
                .append(name)
                .append(", ")
                .append(desc)
                .append('.');
      }
      out.append('\n');
    }
    if (brands.size() > 2) {
      out.append("\nPopular picks include ")
          .append(String.join(", ", brands.subList(0, brands.size() - 1)))
          .append(" and ")
          .append(brands.getLast())
          .append(".\n");
    }
    out.append('\n').append(DISTRACTORS.get(rng.nextInt(DISTRACTORS.size())));
    return out.toString();
  }

  static void shuffle(List<String> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      list.set(i, list.set(j, list.get(i)));
    }
  }

  static List<UntrackedBrand> untracked(Corpus corpus) {
    List<BrandSpec> tracked =
        TRACKED.stream()
            .map(name -> new BrandSpec(name, List.of(), List.of(), List.of(), false, false))
            .toList();
    return UntrackedBrands.of(tracked, sink -> corpus.answers().forEach(sink));
  }

  @Test
  void the_eight_untracked_brands_of_twelve_top_the_list_each_counted_exactly() {
    for (long seed = 1; seed <= 3; seed++) {
      Corpus corpus = corpus(seed, 200);
      List<UntrackedBrand> brands = untracked(corpus);

      assertThat(brands.subList(0, PLANTED.size()))
          .as("seed %d", seed)
          .extracting(UntrackedBrand::name)
          .containsExactlyInAnyOrderElementsOf(PLANTED);
      for (UntrackedBrand brand : brands.subList(0, PLANTED.size())) {
        assertThat(brand.answers())
            .as("%s, seed %d", brand.name(), seed)
            .isEqualTo(corpus.truth()[PLANTED.indexOf(brand.name())]);
      }
      assertThat(brands).extracting(UntrackedBrand::name).doesNotContainAnyElementsOf(TRACKED);
    }
  }

  /** Precision of the top 10 and recall of the planted brands over 20 seeds of 300 answers. */
  public static void main(String[] args) {
    int listed = 0;
    int top10Planted = 0;
    int top10 = 0;
    int found = 0;
    Set<String> falseNames = new HashSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      List<UntrackedBrand> brands = untracked(corpus(seed, 300));
      listed += brands.size();
      for (int i = 0; i < brands.size(); i++) {
        boolean planted = PLANTED.contains(brands.get(i).name());
        found += planted ? 1 : 0;
        if (i < 10) {
          top10++;
          top10Planted += planted ? 1 : 0;
        }
        if (!planted) {
          falseNames.add(brands.get(i).name());
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "precision of the top 10: %d/%d = %.3f; recall of planted brands: %d/%d = %.3f;"
            + " names listed: %d; listed names that were not planted: %s%n",
        top10Planted,
        top10,
        (double) top10Planted / top10,
        found,
        20 * PLANTED.size(),
        (double) found / (20 * PLANTED.size()),
        listed,
        falseNames);
  }
}
