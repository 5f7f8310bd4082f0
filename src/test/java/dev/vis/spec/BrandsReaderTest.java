package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandsReaderTest {
  @TempDir Path dir;

  private List<String> problems(String brands) {
    return new SpecFixture(dir).problemsOfMinimalWith("brands:\n  - name: Acme\n", brands);
  }

  @Nested
  class Refuses {
    @Test
    void an_alias_that_names_another_brand_ignoring_case() {
      assertThat(
              problems(
                  """
                  brands:
                    - name: Acme CRM
                      aliases: [Acme]
                    - name: Globex
                      aliases: [ACME]
                  """))
          .containsExactly(
              "spec.yaml:6:15: brands[1].aliases[0]: 'ACME' already names brand 'Acme CRM' (names"
                  + " and aliases are unique across brands, ignoring case)");
    }

    @Test
    void two_brands_of_the_same_name() {
      assertThat(problems("brands: [{name: Acme}, {name: acme}]\n"))
          .containsExactly(
              "spec.yaml:2:25: brands[1].name: 'acme' already names brand 'Acme' (names and aliases"
                  + " are unique across brands, ignoring case)");
    }

    @Test
    void a_second_primary_brand() {
      assertThat(
              problems(
                  """
                  brands:
                    - {name: Acme, primary: true}
                    - {name: Globex, primary: true}
                  """))
          .containsExactly(
              "spec.yaml:4:20: brands[1].primary: only one brand may be primary, and 'Acme'"
                  + " already is");
    }

    @Test
    void terms_of_two_brands_that_match_the_same_text() {
      assertThat(problems("brands: [{name: Café Noir}, {name: Globex, aliases: [cafe-noir]}]\n"))
          .containsExactly(
              "spec.yaml:2:54: brands[1].aliases[0]: 'cafe-noir' matches the same text as 'Café"
                  + " Noir' of brand 'Café Noir' (terms match ignoring case and accents, a space"
                  + " also matching a hyphen or nothing, & matching and); keep one of them");
      assertThat(problems("brands: [{name: Smith & Jones}, {name: Smith and Jones}]\n"))
          .singleElement()
          .asString()
          .contains("'Smith and Jones' matches the same text as 'Smith & Jones'");
    }

    @Test
    void a_brand_without_a_name() {
      assertThat(problems("brands:\n  - aliases: [A]\n"))
          .containsExactly("spec.yaml:3:5: brands[0].name: is required");
    }

    @Test
    void a_url_where_a_domain_belongs() {
      assertThat(problems("brands: [{name: Acme, domains: [\"https://acme.com\"]}]\n"))
          .containsExactly(
              "spec.yaml:2:33: brands[0].domains[0]: 'https://acme.com' is not a domain; write the"
                  + " host name alone, like acme.com");
    }
  }

  @Test
  void keeps_an_alias_equal_to_its_own_name_and_lowercases_domains() {
    RunSpec run =
        new SpecFixture(dir)
            .load(
                SpecFixture.MINIMAL.replace(
                    "  - name: Acme\n",
                    "  - name: Acme\n"
                        + "    aliases: [ACME]\n"
                        + "    domains: [Acme.COM]\n"
                        + "    case_sensitive: true\n"));

    assertThat(run.brands().get(0))
        .isEqualTo(
            new BrandSpec("Acme", List.of("ACME"), List.of("acme.com"), List.of(), false, true));
  }

  @Test
  void keeps_terms_of_one_brand_that_match_the_same_text_and_reads_accent_sensitive() {
    RunSpec run =
        new SpecFixture(dir)
            .load(
                SpecFixture.MINIMAL.replace(
                    "  - name: Acme\n",
                    "  - name: Café Noir\n"
                        + "    aliases: [Cafe Noir]\n"
                        + "    accent_sensitive: true\n"));

    assertThat(run.brands().get(0))
        .isEqualTo(
            new BrandSpec(
                "Café Noir", List.of("Cafe Noir"), List.of(), List.of(), false, false, true));
  }
}
