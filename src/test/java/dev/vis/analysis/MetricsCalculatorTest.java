package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {
  static final BrandSpec ACME =
      new BrandSpec("Acme", List.of(), List.of("acme.com"), List.of(), true, false);
  static final BrandSpec GLOBEX =
      new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false);
  static final List<BrandSpec> BRANDS = List.of(ACME, GLOBEX);
  static final PromptSpec P1 = new PromptSpec("p1", "Best CRM?", List.of("smb", "crm"));
  static final PromptSpec P2 = new PromptSpec("p2", "Cheap CRM?", List.of("crm"));

  static Mention mention(String brand, int count, int position) {
    return new Mention(brand, count, position, OptionalInt.empty(), 0);
  }

  static Citation cited(String url, String domain, Optional<String> brand) {
    return new Citation(url, domain, brand, CitationKind.CITED);
  }

  static ScoredAnswer answer(
      String prompt, String model, List<Mention> mentions, List<Citation> citations) {
    return new ScoredAnswer(prompt, model, mentions, citations, false);
  }

  /** The headline of a run of {@link #BRANDS} over {@code prompts} and parametric models. */
  static Breakdown headline(
      List<PromptSpec> prompts, List<String> models, List<ScoredAnswer> answers) {
    RunSpec spec =
        RunMetricsTest.spec(
            BRANDS, prompts, models.stream().map(id -> RunMetricsTest.model(id, false)).toList());
    return MetricsCalculator.compute(spec, answers, MetricsOptions.defaults()).headline();
  }

  /**
   * Four answers: a1 (p1, m1) names Acme twice then Globex and cites acme.com twice; a2 (p1, m2)
   * names Globex; a3 (p2, m1) names Acme, cites b.org and only retrieved acme.com; a4 (p2, m2)
   * names no one. A fifth answer from an unlisted model is left out.
   */
  static Breakdown example() {
    List<ScoredAnswer> answers =
        List.of(
            answer(
                "p1",
                "m1",
                List.of(mention("Acme", 2, 1), mention("Globex", 1, 2)),
                List.of(
                    cited("https://acme.com/a", "acme.com", Optional.of("Acme")),
                    cited("https://acme.com/b", "acme.com", Optional.of("Acme")))),
            answer("p1", "m2", List.of(mention("Globex", 1, 1)), List.of()),
            answer(
                "p2",
                "m1",
                List.of(mention("Acme", 1, 1)),
                List.of(
                    cited("https://b.org/", "b.org", Optional.empty()),
                    new Citation(
                        "https://acme.com/c",
                        "acme.com",
                        Optional.of("Acme"),
                        CitationKind.RETRIEVED))),
            answer("p2", "m2", List.of(), List.of()),
            answer("p1", "unlisted", List.of(mention("Acme", 1, 1)), List.of()));
    return headline(List.of(P1, P2), List.of("m1", "m2", "m3"), answers);
  }

  static void assertProportion(Proportion p, long numerator, long denominator) {
    assertThat(p.numerator()).isEqualTo(numerator);
    assertThat(p.denominator()).isEqualTo(denominator);
    assertThat(p.value())
        .isCloseTo(denominator == 0 ? 0 : (double) numerator / denominator, within(1e-12));
    assertThat(p.low()).isLessThanOrEqualTo(p.value());
    assertThat(p.high()).isGreaterThanOrEqualTo(p.value());
  }

  @Nested
  class Overall {
    final Cell cell = example().overall().getFirst();
    final BrandFigures acme = cell.brands().get(0);
    final BrandFigures globex = cell.brands().get(1);

    @Test
    void counts_the_listed_answers_and_their_prompts() {
      assertThat(cell.scope()).isEqualTo("overall");
      assertThat(cell.value()).isEmpty();
      assertThat(cell.answers()).isEqualTo(4);
      assertThat(cell.prompts()).isEqualTo(2);
      assertThat(cell.directional()).isTrue();
      assertThat(cell.grounding()).isEqualTo(Grounding.PARAMETRIC);
      assertThat(cell.brands()).extracting(BrandFigures::brand).containsExactly("Acme", "Globex");
    }

    @Test
    void mention_rate_counts_an_answer_once_however_often_it_names_the_brand() {
      assertProportion(acme.mentionRate(), 2, 4);
    }

    @Test
    void prompt_coverage_counts_prompts_with_an_answer_naming_the_brand() {
      assertProportion(acme.rate(RateMetric.PROMPT_COVERAGE), 2, 2);
      assertProportion(globex.rate(RateMetric.PROMPT_COVERAGE), 1, 2);
    }

    @Test
    void share_of_voice_divides_by_answers_naming_any_tracked_brand() {
      assertProportion(acme.rate(RateMetric.SHARE_OF_VOICE), 2, 4);
      assertProportion(globex.rate(RateMetric.SHARE_OF_VOICE), 2, 4);
    }

    @Test
    void mention_count_sums_every_stretch() {
      assertThat(acme.mentionCount()).isEqualTo(3);
      assertThat(globex.mentionCount()).isEqualTo(2);
    }

    @Test
    void average_position_is_over_the_answers_naming_the_brand() {
      assertThat(acme.averagePosition()).hasValue(1.0);
      assertThat(globex.averagePosition()).hasValue(1.5);
    }

    @Test
    void top_1_rate_is_over_all_answers() {
      assertProportion(acme.rate(RateMetric.TOP1_RATE), 2, 4);
      assertProportion(globex.rate(RateMetric.TOP1_RATE), 1, 4);
    }

    @Test
    void position_weighted_visibility_decays_by_position_and_scores_zero_when_not_named() {
      assertThat(acme.positionWeighted()).isCloseTo((1 + 1) / 4.0, within(1e-12));
      assertThat(globex.positionWeighted()).isCloseTo((0.9 + 1) / 4.0, within(1e-12));
    }

    @Test
    void citation_rate_counts_answers_citing_the_brand_but_not_those_only_retrieving_it() {
      assertProportion(acme.rate(RateMetric.CITATION_RATE), 1, 4);
      assertProportion(globex.rate(RateMetric.CITATION_RATE), 0, 4);
    }
  }

  @Nested
  class Breakdowns {
    final Breakdown metrics = example();

    @Test
    void models_come_in_spec_order_with_a_cell_even_without_answers() {
      assertThat(metrics.byModel()).extracting(Cell::value).containsExactly("m1", "m2", "m3");
      assertThat(metrics.byModel()).extracting(Cell::answers).containsExactly(2L, 2L, 0L);
    }

    @Test
    void a_model_cell_holds_only_its_answers() {
      Cell m1 = metrics.byModel().get(0);
      assertProportion(m1.brands().get(0).mentionRate(), 2, 2);
      assertProportion(m1.brands().get(1).mentionRate(), 1, 2);
      assertProportion(m1.brands().get(0).rate(RateMetric.SHARE_OF_VOICE), 2, 3);
      Cell m2 = metrics.byModel().get(1);
      assertThat(m2.brands().get(0).averagePosition()).isEmpty();
    }

    @Test
    void a_cell_without_answers_has_no_data() {
      Cell m3 = metrics.byModel().get(2);
      assertThat(m3.directional()).isTrue();
      assertThat(m3.brands().get(0).mentionRate()).isEqualTo(Proportion.none());
      assertThat(m3.brands().get(0).mentionRate().hasData()).isFalse();
      assertThat(m3.brands().get(0).averagePosition()).isEmpty();
    }

    @Test
    void prompts_come_in_spec_order() {
      assertThat(metrics.byPrompt())
          .extracting(Cell::scope, Cell::value, Cell::answers, Cell::prompts)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("prompt", "p1", 2L, 1L),
              org.assertj.core.groups.Tuple.tuple("prompt", "p2", 2L, 1L));
      assertProportion(metrics.byPrompt().get(0).brands().get(1).mentionRate(), 2, 2);
    }

    @Test
    void a_one_prompt_cell_has_the_wilson_interval_of_its_answers() {
      Proportion acme = metrics.byPrompt().get(0).brands().get(0).mentionRate();
      assertProportion(acme, 1, 2);
      assertThat(acme.low()).isCloseTo(0.0945, within(1e-4));
      assertThat(acme.high()).isCloseTo(0.9055, within(1e-4));
    }

    @Test
    void tags_are_sorted_and_hold_the_answers_of_their_prompts() {
      assertThat(metrics.byTag()).extracting(Cell::value).containsExactly("crm", "smb");
      assertThat(metrics.byTag()).extracting(Cell::answers).containsExactly(4L, 2L);
      assertProportion(metrics.byTag().get(1).brands().get(0).mentionRate(), 1, 2);
    }

    @Test
    void top_domains_count_cited_domains_once_per_answer_ties_by_name() {
      assertThat(metrics.topDomains())
          .containsExactly(
              new DomainRanking(
                  Grounding.PARAMETRIC,
                  List.of(
                      new DomainCount("acme.com", Optional.of("Acme"), 1),
                      new DomainCount("b.org", Optional.empty(), 1))));
    }
  }

  @Nested
  class Directional {
    static List<ScoredAnswer> answers(int perPrompt, List<PromptSpec> prompts) {
      List<ScoredAnswer> answers = new ArrayList<>();
      for (PromptSpec prompt : prompts) {
        for (int i = 0; i < perPrompt; i++) {
          answers.add(answer(prompt.id(), "m1", List.of(), List.of()));
        }
      }
      return answers;
    }

    static List<PromptSpec> prompts(int count) {
      List<PromptSpec> prompts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        prompts.add(new PromptSpec("p" + i, "q" + i, List.of("t")));
      }
      return prompts;
    }

    @Test
    void ten_answers_over_five_prompts_are_a_measurement() {
      List<PromptSpec> prompts = prompts(5);
      Breakdown m = headline(prompts, List.of("m1"), answers(2, prompts));
      assertThat(m.overall().getFirst().directional()).isFalse();
      assertThat(m.byTag().get(0).directional()).isFalse();
    }

    @Test
    void a_cell_over_fewer_than_five_prompts_is_directional_however_many_answers() {
      List<PromptSpec> prompts = prompts(4);
      Breakdown m = headline(prompts, List.of("m1"), answers(10, prompts));
      assertThat(m.overall().getFirst().directional()).isTrue();
      assertThat(m.byModel().get(0).directional()).isTrue();
      assertThat(m.byPrompt().get(0).directional()).isFalse();
    }

    @Test
    void a_cell_with_fewer_than_ten_answers_is_directional() {
      List<PromptSpec> prompts = prompts(9);
      Breakdown m = headline(prompts, List.of("m1"), answers(1, prompts));
      assertThat(m.overall().getFirst().directional()).isTrue();
    }
  }
}
