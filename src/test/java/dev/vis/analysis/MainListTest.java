package dev.vis.analysis;

import static dev.vis.analysis.AnswerAnalyzerTest.brand;
import static dev.vis.analysis.AnswerAnalyzerTest.tuple;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** SPEC §6 v2: list rank only in the answer's main list; later lists are secondary. */
class MainListTest {
  static final List<String> NAMES = List.of("Acme", "Globex", "Initech", "Hooli");

  /** (brand, list, list rank) of each brand the text names, by position. */
  static List<Tuple> lists(String text) {
    return new AnswerAnalyzer(NAMES.stream().map(n -> brand(n)).toList())
        .analyze(text, List.of()).mentions().stream()
            .map(m -> tuple(m.brand(), m.list(), m.listRank()))
            .toList();
  }

  static Tuple at(String brand, int list, int rank) {
    return tuple(brand, OptionalInt.of(list), OptionalInt.of(rank));
  }

  static Tuple secondary(String brand, int list) {
    return tuple(brand, OptionalInt.of(list), OptionalInt.empty());
  }

  @Test
  void a_later_list_is_secondary_and_has_no_rank() {
    assertThat(lists("1. Acme\n2. Globex\n\nHonorable mentions:\n\n- Initech"))
        .containsExactly(at("Acme", 1, 1), at("Globex", 1, 2), secondary("Initech", 2));
  }

  @Test
  void a_later_numbered_list_that_continues_the_numbering_is_the_main_list() {
    assertThat(lists("1. Acme\n2. Globex\n\nMore picks:\n\n3. Initech\n4. Hooli"))
        .containsExactly(
            at("Acme", 1, 1), at("Globex", 1, 2), at("Initech", 1, 3), at("Hooli", 1, 4));
  }

  @Test
  void a_later_list_that_starts_again_at_one_is_secondary() {
    assertThat(lists("1. Acme\n\nBudget picks:\n\n1. Globex"))
        .containsExactly(at("Acme", 1, 1), secondary("Globex", 2));
  }

  @Test
  void the_main_list_is_the_first_that_names_a_brand() {
    assertThat(lists("Criteria:\n\n- price\n- support\n\nPicks:\n\n1. Acme\n\nAlso:\n\n- Globex"))
        .containsExactly(at("Acme", 1, 1), secondary("Globex", 2));
  }

  @Test
  void a_run_of_sibling_headings_that_start_with_brands_is_a_list() {
    String text = "## Acme\nFast.\n### Pricing\nCheap.\n## **Globex**\nSolid.\n## Verdict\nInitech";
    assertThat(lists(text))
        .containsExactly(
            at("Acme", 1, 1),
            at("Globex", 1, 2),
            tuple("Initech", OptionalInt.empty(), OptionalInt.empty()));
  }

  @Test
  void one_heading_that_names_a_brand_is_no_list() {
    assertThat(lists("## Acme\nBetter than Globex."))
        .containsExactly(
            tuple("Acme", OptionalInt.empty(), OptionalInt.empty()),
            tuple("Globex", OptionalInt.empty(), OptionalInt.empty()));
  }

  @Test
  void a_mention_outside_any_list_has_no_list() {
    assertThat(lists("Acme leads.\n\n1. Globex"))
        .containsExactly(
            tuple("Acme", OptionalInt.empty(), OptionalInt.empty()), at("Globex", 1, 1));
  }
}
