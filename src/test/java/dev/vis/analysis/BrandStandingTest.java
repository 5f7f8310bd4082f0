package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BrandStandingTest {
  /** A brand whose every rate is {@code named / answers} with the interval [low, high]. */
  static BrandFigures brand(String name, long named, long answers, double low, double high) {
    Proportion rate =
        answers == 0
            ? Proportion.none()
            : new Proportion(named, answers, (double) named / answers, low, high);
    Map<RateMetric, Proportion> rates = new EnumMap<>(RateMetric.class);
    for (RateMetric metric : RateMetric.values()) {
      rates.put(metric, rate);
    }
    return new BrandFigures(name, rates, named, OptionalDouble.empty(), 0, 0, 0);
  }

  static Cell cell(long answers, BrandFigures... brands) {
    return new Cell(
        "overall",
        "",
        answers,
        10,
        false,
        List.of(brands),
        Grounding.PARAMETRIC,
        IntervalMethod.PROMPT_BOOTSTRAP);
  }

  @Test
  void ranks_by_mention_rate_and_ties_the_brands_whose_intervals_overlap() {
    Cell cell =
        cell(
            100,
            brand("Acme", 40, 100, 0.31, 0.49),
            brand("Globex", 55, 100, 0.46, 0.64),
            brand("Initech", 10, 100, 0.05, 0.17),
            brand("Hooli", 38, 100, 0.29, 0.47));

    BrandStanding acme = BrandStanding.of(cell, "Acme");

    assertThat(acme.rank()).hasValue(2);
    assertThat(acme.brands()).isEqualTo(4);
    assertThat(acme.tiedWith()).extracting(BrandFigures::brand).containsExactly("Globex", "Hooli");
    assertThat(BrandStanding.leader(cell)).isEqualTo("Globex");
  }

  @Test
  void brands_with_the_same_rate_share_a_rank() {
    Cell cell =
        cell(
            100,
            brand("Acme", 40, 100, 0.31, 0.49),
            brand("Globex", 40, 100, 0.31, 0.49),
            brand("Initech", 50, 100, 0.41, 0.59));

    assertThat(BrandStanding.of(cell, "Acme").rank()).hasValue(2);
    assertThat(BrandStanding.of(cell, "Globex").rank()).hasValue(2);
  }

  @Test
  void a_cell_without_answers_has_no_rank_and_no_ties() {
    Cell cell = cell(0, brand("Acme", 0, 0, 0, 0), brand("Globex", 0, 0, 0, 0));

    BrandStanding acme = BrandStanding.of(cell, "Acme");

    assertThat(acme.mentionRate().hasData()).isFalse();
    assertThat(acme.rank()).isEmpty();
    assertThat(acme.tiedWith()).isEmpty();
  }

  @Test
  void an_untracked_brand_has_no_standing() {
    assertThatThrownBy(() -> BrandStanding.of(cell(1, brand("Acme", 1, 1, 0.2, 1)), "Globex"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
