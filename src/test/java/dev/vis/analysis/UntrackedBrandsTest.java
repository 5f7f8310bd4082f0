package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names answers present as brands that the spec does not track (SPEC §6). */
class UntrackedBrandsTest {
  static BrandSpec brand(String name, String... aliases) {
    return new BrandSpec(name, List.of(aliases), List.of(), List.of(), false, false);
  }

  static List<String> presented(String text, String... tracked) {
    List<String> names = new ArrayList<>();
    PresentedNames.find(
        text, PresentedNames.Tracked.of(List.of(tracked)), (name, key) -> names.add(name));
    return names;
  }

  static List<UntrackedBrand> untracked(List<BrandSpec> tracked, String... answers) {
    return UntrackedBrands.of(tracked, sink -> List.of(answers).forEach(sink));
  }

  @Test
  void list_item_leads_bold_names_and_link_labels_are_presented_as_brands() {
    assertThat(presented("1. Zendesk — fast.\n2) Freshdesk: cheap\n- **Help Scout** (email)"))
        .containsExactly("Zendesk", "Freshdesk", "Help Scout");
    assertThat(presented("### 3. Intercom\nGood.\n**4. Gorgias**"))
        .containsExactly("Intercom", "Gorgias");
    assertThat(presented("Try **Kayako** or [Kustomer](https://kustomer.com) today."))
        .containsExactly("Kayako", "Kustomer");
    assertThat(presented("- [Zoho Desk](https://zoho.com/desk) – solid"))
        .containsExactly("Zoho Desk");
  }

  @Test
  void capitalised_names_listed_beside_a_tracked_brand_are_presented() {
    assertThat(presented("Teams compare Acme, Zendesk and Freshdesk before buying.", "Acme"))
        .containsExactly("Zendesk", "Freshdesk");
    assertThat(presented("Zendesk vs Acme: which wins?", "Acme")).containsExactly("Zendesk");
    assertThat(presented("Teams compare Globex, Zendesk and Freshdesk before buying."))
        .as("no tracked brand among them")
        .isEmpty();
  }

  @Test
  void sentence_starts_prose_headings_labels_and_common_words_are_not() {
    assertThat(
            presented(
                "Zendesk is great. Freshdesk works too.\n## Key Considerations\n## Zendesk\n"
                    + "- Pricing: from $15\n- Best for: small teams\n   - Setup time: a day\n"
                    + "**Note:** read reviews.\n**Key Features**\n- Consider integrations.\n"
                    + "- **CRM**: yes\n- HubSpot offers a free plan"))
        .isEmpty();
  }

  @Test
  void
      a_name_is_listed_once_it_is_presented_in_two_answers_and_counted_in_every_answer_naming_it() {
    List<UntrackedBrand> brands =
        untracked(
            List.of(brand("Acme")),
            "1. Zendesk\n2. Acme",
            "- **Zendesk**: good",
            "I would also look at zendesk's reporting.",
            "Zendesks are not a thing, nor is https://zendesk.com/x a mention.",
            "1. Freshdesk — once only");
    assertThat(brands).containsExactly(new UntrackedBrand("Zendesk", 3));
  }

  @Test
  void no_tracked_name_alias_or_domain_is_listed_nor_a_name_inside_one() {
    BrandSpec acme =
        new BrandSpec(
            "Acme CRM", List.of("AcmeSoft"), List.of("globex.io"), List.of(), true, false);
    List<UntrackedBrand> brands =
        untracked(
            List.of(acme),
            "1. **Acme**\n2. **AcmeSoft**\n3. **Globex.io**\n4. **Acme CRM Pro**\n5. **Zendesk**",
            "1. **Acme**\n2. **AcmeSoft**\n3. **Globex.io**\n4. **Acme CRM Pro**\n5. **Zendesk**");
    assertThat(brands).extracting(UntrackedBrand::name).containsExactly("Zendesk");
  }

  @Test
  void the_list_is_most_answers_first_ties_by_name_and_cut_at_twenty() {
    List<String> answers = new ArrayList<>();
    for (int a = 0; a < 30; a++) {
      StringBuilder text = new StringBuilder();
      for (int b = 0; b <= a && b < 25; b++) {
        text.append("- **Brand").append((char) ('A' + b)).append("x**\n");
      }
      answers.add(text.toString());
    }
    List<UntrackedBrand> brands = UntrackedBrands.of(List.of(), sink -> answers.forEach(sink));
    assertThat(brands).hasSize(UntrackedBrands.LISTED);
    assertThat(brands.get(0)).isEqualTo(new UntrackedBrand("BrandAx", 30));
    assertThat(brands.get(19)).isEqualTo(new UntrackedBrand("BrandTx", 11));
  }

  @Test
  void the_spelling_most_answers_use_names_the_brand() {
    assertThat(untracked(List.of(), "- **HubSpot**", "- **HubSpot**", "- **Hubspot**"))
        .containsExactly(new UntrackedBrand("HubSpot", 3));
  }
}
