package dev.vis.analysis;

import static dev.vis.analysis.MetricsCalculatorTest.mention;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The whole-run metrics of {@link MetricsCalculator#compute(RunSpec, List, MetricsOptions)}. */
class RunMetricsTest {
  static final BrandSpec ACME =
      new BrandSpec("Acme", List.of("Acme CRM"), List.of("acme.com"), List.of(), true, false);
  static final BrandSpec GLOBEX =
      new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false);

  static ModelSpec model(String id, boolean webSearch) {
    ModelSpec model = SpecRecords.model(id, "sim", "sim");
    return webSearch ? SpecRecords.withWebSearch(model) : model;
  }

  static RunSpec spec(List<PromptSpec> prompts, List<ModelSpec> models) {
    return spec(List.of(ACME, GLOBEX), prompts, models);
  }

  static RunSpec spec(List<BrandSpec> brands, List<PromptSpec> prompts, List<ModelSpec> models) {
    return SpecRecords.run("t", brands, prompts, models, 3, 4, Duration.ofSeconds(1));
  }

  /** Six generic prompts (tag "crm") and one that names Acme; each answered by m1 twice. */
  static List<PromptSpec> prompts() {
    List<PromptSpec> prompts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      prompts.add(new PromptSpec("g" + i, "Which CRM is best, take " + i + "?", List.of("crm")));
    }
    prompts.add(new PromptSpec("b", "Is ACME CRM any good?", List.of("crm")));
    return prompts;
  }

  static List<ScoredAnswer> answers(boolean groundedSecond) {
    List<ScoredAnswer> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      List<Mention> first =
          i % 2 == 0 ? List.of(mention("Acme", 1, 1)) : List.of(mention("Globex", 1, 1));
      answers.add(new ScoredAnswer("g" + i, "m1", first, List.of(), false));
      answers.add(new ScoredAnswer("g" + i, "m1", List.of(), List.of(), groundedSecond));
    }
    answers.add(new ScoredAnswer("b", "m1", List.of(mention("Acme", 3, 1)), List.of(), false));
    answers.add(new ScoredAnswer("b", "m1", List.of(mention("Acme", 1, 1)), List.of(), false));
    return answers;
  }

  static RunMetrics metrics(boolean groundedSecond, MetricsOptions options) {
    return MetricsCalculator.compute(
        spec(prompts(), List.of(model("m1", false), model("m2", true))),
        answers(groundedSecond),
        options);
  }

  @Nested
  class BrandedPrompts {
    @Test
    void a_prompt_whose_text_names_a_brand_is_branded_under_the_answer_matching_rules() {
      assertThat(metrics(false, MetricsOptions.defaults()).brandedPrompts())
          .containsExactly(new BrandedPrompt("b", List.of("Acme")));
    }

    @Test
    void headline_figures_leave_branded_prompts_out() {
      RunMetrics m = metrics(false, MetricsOptions.defaults());
      Cell overall = m.headline().overall().get(0);
      assertThat(overall.answers()).isEqualTo(12);
      assertThat(overall.prompts()).isEqualTo(6);
      assertThat(overall.brands().get(0).mentionRate().numerator()).isEqualTo(3);
      assertThat(m.headline().byPrompt()).extracting(Cell::value).doesNotContain("b");
    }

    @Test
    void branded_prompts_are_reported_apart() {
      Breakdown branded = metrics(false, MetricsOptions.defaults()).branded().orElseThrow();
      assertThat(branded.overall().get(0).answers()).isEqualTo(2);
      assertThat(branded.overall().get(0).brands().get(0).mentionRate().numerator()).isEqualTo(2);
      assertThat(branded.byPrompt()).extracting(Cell::value).containsExactly("b");
    }

    @Test
    void include_branded_pools_them_into_the_headline() {
      RunMetrics m = metrics(false, MetricsOptions.defaults().withIncludeBranded(true));
      assertThat(m.includeBranded()).isTrue();
      assertThat(m.headline().overall().get(0).answers()).isEqualTo(14);
      assertThat(m.headline().overall().get(0).brands().get(0).mentionRate().numerator())
          .isEqualTo(5);
    }

    @Test
    void a_run_without_branded_prompts_has_no_branded_breakdown() {
      RunMetrics m =
          MetricsCalculator.compute(
              spec(prompts().subList(0, 6), List.of(model("m1", false))),
              answers(false).subList(0, 12),
              MetricsOptions.defaults());
      assertThat(m.branded()).isEmpty();
      assertThat(m.brandedPrompts()).isEmpty();
    }
  }

  @Nested
  class Grounding_ {
    @Test
    void grounded_and_parametric_answers_form_separate_rows_where_both_occur() {
      Breakdown headline = metrics(true, MetricsOptions.defaults()).headline();
      assertThat(headline.overall())
          .extracting(Cell::grounding, Cell::answers)
          .containsExactly(
              Tuple.tuple(Grounding.PARAMETRIC, 6L), Tuple.tuple(Grounding.GROUNDED, 6L));
      assertThat(headline.overall().get(1).brands().get(0).mentionRate().numerator()).isZero();
    }

    @Test
    void a_slice_without_answers_gets_a_row_per_grounding_of_its_set() {
      Breakdown headline = metrics(true, MetricsOptions.defaults()).headline();
      assertThat(headline.byModel())
          .extracting(Cell::value, Cell::grounding)
          .containsExactly(
              Tuple.tuple("m1", Grounding.PARAMETRIC),
              Tuple.tuple("m1", Grounding.GROUNDED),
              Tuple.tuple("m2", Grounding.PARAMETRIC),
              Tuple.tuple("m2", Grounding.GROUNDED));
    }

    @Test
    void a_run_of_parametric_answers_has_one_parametric_row_per_slice() {
      Breakdown headline = metrics(false, MetricsOptions.defaults()).headline();
      assertThat(headline.overall())
          .extracting(Cell::grounding)
          .containsExactly(Grounding.PARAMETRIC);
      assertThat(headline.byModel()).hasSize(2);
      assertThat(headline.byTag()).extracting(Cell::value).containsExactly("crm");
    }
  }

  @Nested
  class Intervals {
    @Test
    void a_cell_over_several_prompts_gets_a_prompt_bootstrap_and_a_one_prompt_cell_wilson() {
      Breakdown headline = metrics(false, MetricsOptions.defaults()).headline();
      Cell overall = headline.overall().get(0);
      assertThat(overall.interval()).isEqualTo(IntervalMethod.PROMPT_BOOTSTRAP);
      Proportion rate = overall.brands().get(0).mentionRate();
      assertThat(rate.value()).isEqualTo(0.25);
      assertThat(rate.low()).isLessThan(0.25).isGreaterThanOrEqualTo(0);
      assertThat(rate.high()).isGreaterThan(0.25).isLessThanOrEqualTo(0.5);
      Cell prompt = headline.byPrompt().get(0);
      assertThat(prompt.interval()).isEqualTo(IntervalMethod.WILSON);
      assertThat(prompt.brands().get(0).mentionRate()).isEqualTo(WilsonInterval.of(1, 2));
    }

    @Test
    void every_rate_of_a_one_prompt_cell_has_the_wilson_interval_of_its_counts() {
      Cell prompt = metrics(false, MetricsOptions.defaults()).headline().byPrompt().get(0);
      for (BrandFigures b : prompt.brands()) {
        for (RateMetric metric : RateMetric.values()) {
          Proportion p = b.rate(metric);
          assertThat(p)
              .as(metric.key())
              .isEqualTo(WilsonInterval.of(p.numerator(), p.denominator()));
        }
      }
    }

    @Test
    void prompt_coverage_keeps_a_wilson_interval_over_prompts() {
      Cell overall = metrics(false, MetricsOptions.defaults()).headline().overall().get(0);
      assertThat(overall.brands().get(0).rate(RateMetric.PROMPT_COVERAGE))
          .isEqualTo(WilsonInterval.of(3, 6));
    }

    @Test
    void recomputing_gives_identical_figures() {
      assertThat(metrics(true, MetricsOptions.defaults()))
          .isEqualTo(metrics(true, MetricsOptions.defaults()));
    }

    @Test
    void cells_with_fewer_than_5_prompts_or_10_answers_are_directional() {
      RunMetrics m = metrics(false, MetricsOptions.defaults());
      assertThat(m.headline().overall().get(0).directional()).isFalse();
      assertThat(m.branded().orElseThrow().overall().get(0).directional()).isTrue();
    }

    @Test
    void figures_carry_the_sums_behind_their_means() {
      BrandFigures acme =
          metrics(false, MetricsOptions.defaults()).headline().overall().get(0).brands().get(0);
      assertThat(acme.positionSum()).isEqualTo(3);
      assertThat(acme.positionWeightedSum()).isEqualTo(3.0);
      assertThat(acme.averagePosition()).hasValue(1.0);
    }
  }

  @Nested
  class Tallies {
    @Test
    void tallies_count_each_prompt_and_model_with_answers() {
      RunTallies t = metrics(false, MetricsOptions.defaults()).tallies();
      assertThat(t.brands()).containsExactly("Acme", "Globex");
      assertThat(t.brandRules()).isEqualTo(BrandRules.fingerprint(List.of(ACME, GLOBEX)));
      assertThat(t.prompts())
          .hasSize(7)
          .last()
          .isEqualTo(new TallyPrompt("b", "Is ACME CRM any good?", true));
      assertThat(t.models())
          .containsExactly(
              new TallyModel("m1", "sim", "sim", false), new TallyModel("m2", "sim", "sim", true));
      assertThat(t.cells()).hasSize(7);
      assertThat(t.cells().get(0)).isEqualTo(new PromptModelTally("g0", "m1", 2, List.of(1L, 0L)));
    }

    @Test
    void tallies_survive_a_json_round_trip() throws Exception {
      ObjectMapper json = JsonMapper.builder().build();
      RunTallies t = metrics(false, MetricsOptions.defaults()).tallies();
      assertThat(json.readValue(json.writeValueAsString(t), RunTallies.class)).isEqualTo(t);
    }
  }
}
