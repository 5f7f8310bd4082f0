package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegressionGateTest {
  static final List<String> BRANDS = List.of("Acme", "Globex");
  static final TallyModel M1 = new TallyModel("m1", "openai", "gpt-4o", false);

  /**
   * A run of {@code prompts} generic prompts, {@code answers} answers each from m1, Acme named in
   * {@code acme} of them and Globex in {@code globex}.
   */
  static RunTallies run(int prompts, long answers, long acme, long globex) {
    List<TallyPrompt> ps = new ArrayList<>();
    List<PromptModelTally> cells = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      ps.add(new TallyPrompt("p" + p, "question " + p, false));
      cells.add(new PromptModelTally("p" + p, "m1", answers, List.of(acme, globex)));
    }
    return new RunTallies(BRANDS, "rules", ps, List.of(M1), cells);
  }

  static GateOptions mentionRate(String... brands) {
    return GateOptions.of(RateMetric.MENTION_RATE, List.of(brands), 5, 0.05);
  }

  @Nested
  class Verdicts {
    @Test
    void a_clear_drop_beyond_the_threshold_fails_the_gate() {
      Comparison c =
          RegressionGate.compare(run(20, 10, 8, 2), run(20, 10, 4, 2), mentionRate("Acme"));
      BrandDelta acme = c.brands().get(0);
      assertThat(acme.verdict()).isEqualTo(Verdict.DROP);
      assertThat(acme.delta()).isCloseTo(-0.4, within(1e-12));
      assertThat(acme.baseline().numerator()).isEqualTo(160);
      assertThat(acme.current().denominator()).isEqualTo(200);
      assertThat(acme.pValue()).isLessThan(0.01);
      assertThat(c.failed()).isTrue();
    }

    @Test
    void a_drop_within_the_threshold_passes() {
      RunTallies base = run(20, 100, 50, 0);
      RunTallies now = run(20, 100, 46, 0);
      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));
      assertThat(c.brands().get(0).verdict()).isEqualTo(Verdict.OK);
      assertThat(c.failed()).isFalse();
    }

    @Test
    void a_large_drop_on_a_few_noisy_prompts_is_called_noise() {
      // Two prompts that swap: the drop is 50 points but rests on which prompt was resampled.
      RunTallies base = twoPrompts(new long[] {3, 0}, new long[] {3, 3});
      RunTallies now = twoPrompts(new long[] {0, 0}, new long[] {3, 3});
      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));
      assertThat(c.brands().get(0).delta()).isEqualTo(-0.5);
      assertThat(c.brands().get(0).verdict()).isEqualTo(Verdict.DROP_WITHIN_NOISE);
    }

    @Test
    void alpha_is_divided_among_the_gated_brands() {
      Comparison c =
          RegressionGate.compare(
              run(20, 10, 8, 2), run(20, 10, 4, 2), mentionRate("Acme", "Globex"));
      assertThat(c.perBrandAlpha()).isEqualTo(0.025);
      assertThat(c.brands())
          .extracting(BrandDelta::verdict)
          .containsExactly(Verdict.DROP, Verdict.OK);
    }

    @Test
    void a_gated_brand_missing_from_a_run_has_no_data() {
      Comparison c =
          RegressionGate.compare(run(5, 3, 1, 1), run(5, 3, 1, 1), mentionRate("Initech"));
      assertThat(c.brands().get(0).verdict()).isEqualTo(Verdict.NO_DATA);
      assertThat(c.brands().get(0).pValue()).isEqualTo(1);
    }

    @Test
    void the_same_inputs_give_the_same_comparison() {
      assertThat(RegressionGate.compare(run(8, 3, 2, 1), run(8, 3, 1, 1), mentionRate("Acme")))
          .isEqualTo(RegressionGate.compare(run(8, 3, 2, 1), run(8, 3, 1, 1), mentionRate("Acme")));
    }

    static RunTallies twoPrompts(long[] acme, long[] answers) {
      return new RunTallies(
          BRANDS,
          "rules",
          List.of(new TallyPrompt("a", "qa", false), new TallyPrompt("b", "qb", false)),
          List.of(M1),
          List.of(
              new PromptModelTally("a", "m1", answers[0], List.of(acme[0], 0L)),
              new PromptModelTally("b", "m1", answers[1], List.of(acme[1], 0L))));
    }
  }

  @Nested
  class Matching {
    @Test
    void prompts_match_by_id_and_text_and_the_others_are_listed() {
      RunTallies base = run(3, 3, 1, 1);
      RunTallies now = run(3, 3, 1, 1);
      List<TallyPrompt> changed = new ArrayList<>(now.prompts());
      changed.set(1, new TallyPrompt("p1", "another question", false));
      changed.add(new TallyPrompt("new", "q", false));
      now = new RunTallies(BRANDS, "rules", changed, now.models(), now.cells());
      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));
      assertThat(c.sharedPrompts()).containsExactly("p0", "p2");
      assertThat(c.addedPrompts()).containsExactly("p1", "new");
      assertThat(c.removedPrompts()).containsExactly("p1");
    }

    @Test
    void models_match_by_id_provider_model_name_and_search_mode() {
      RunTallies base = run(3, 3, 1, 1);
      RunTallies now =
          new RunTallies(
              BRANDS,
              "rules",
              base.prompts(),
              List.of(new TallyModel("m1", "openai", "gpt-4o", true)),
              base.cells());
      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));
      assertThat(c.sharedModels()).isEmpty();
      assertThat(c.addedModels()).containsExactly("m1");
      assertThat(c.removedModels()).containsExactly("m1");
      assertThat(c.brands().get(0).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void branded_prompts_and_unanswered_ones_are_left_out() {
      RunTallies base = run(3, 3, 1, 1);
      List<TallyPrompt> prompts = new ArrayList<>(base.prompts());
      prompts.set(0, new TallyPrompt("p0", "question 0", true));
      RunTallies now =
          new RunTallies(BRANDS, "rules", prompts, base.models(), base.cells().subList(0, 2));
      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));
      assertThat(c.brandedPrompts()).containsExactly("p0");
      assertThat(c.unansweredPrompts()).containsExactly("p2");
      assertThat(c.sharedPrompts()).containsExactly("p1");
    }

    @Test
    void a_model_without_answers_in_one_run_is_left_out_not_counted_as_0_percent() {
      // m1 names Acme always, m2 never; in the current run m1 failed every call. Pooling the
      // prompts over both models compared 50% with 0% and tripped the gate on no data.
      TallyModel m2 = new TallyModel("m2", "openai", "gpt-4o-mini", false);
      List<TallyPrompt> prompts = run(20, 10, 0, 0).prompts();
      List<PromptModelTally> both = new ArrayList<>();
      List<PromptModelTally> onlyM2 = new ArrayList<>();
      for (TallyPrompt p : prompts) {
        both.add(new PromptModelTally(p.id(), "m1", 10, List.of(10L, 0L)));
        PromptModelTally never = new PromptModelTally(p.id(), "m2", 10, List.of(0L, 0L));
        both.add(never);
        onlyM2.add(never);
      }
      RunTallies base = new RunTallies(BRANDS, "rules", prompts, List.of(M1, m2), both);
      RunTallies now = new RunTallies(BRANDS, "rules", prompts, List.of(M1, m2), onlyM2);

      Comparison c = RegressionGate.compare(base, now, mentionRate("Acme"));

      assertThat(c.sharedModels()).containsExactly("m2");
      assertThat(c.unansweredModels()).containsExactly("m1");
      BrandDelta acme = c.brands().get(0);
      assertThat(acme.baseline().value()).isZero();
      assertThat(acme.current().value()).isZero();
      assertThat(acme.verdict()).isEqualTo(Verdict.OK);
      assertThat(c.failed()).isFalse();
    }

    @Test
    void a_prompt_one_model_left_unanswered_is_compared_on_the_other_model_only() {
      RunTallies base = run(3, 3, 3, 0);
      TallyModel m2 = new TallyModel("m2", "openai", "gpt-4o-mini", false);
      List<PromptModelTally> cells = new ArrayList<>(base.cells());
      cells.add(new PromptModelTally("p0", "m2", 3, List.of(0L, 0L)));
      RunTallies withM2 = new RunTallies(BRANDS, "rules", base.prompts(), List.of(M1, m2), cells);
      List<PromptModelTally> noM1OnP0 = new ArrayList<>(cells.subList(1, cells.size()));
      RunTallies now = new RunTallies(BRANDS, "rules", base.prompts(), List.of(M1, m2), noM1OnP0);

      Comparison c = RegressionGate.compare(withM2, now, mentionRate("Acme"));

      assertThat(c.sharedPrompts()).containsExactly("p0", "p1", "p2");
      assertThat(c.unansweredModels()).isEmpty();
      assertThat(c.brands().get(0).baseline().numerator())
          .as("p0 from m2 only, p1, p2")
          .isEqualTo(6);
      assertThat(c.brands().get(0).baseline().denominator()).isEqualTo(9);
      assertThat(c.brands().get(0).delta()).isZero();
    }

    @Test
    void share_of_voice_counts_only_brands_tracked_in_both_runs() {
      RunTallies base = run(10, 10, 5, 5);
      RunTallies now =
          new RunTallies(
              List.of("Acme", "Initech"),
              "other rules",
              base.prompts(),
              base.models(),
              base.cells().stream()
                  .map(t -> new PromptModelTally(t.promptId(), t.modelId(), 10, List.of(5L, 5L)))
                  .toList());
      Comparison c =
          RegressionGate.compare(
              base, now, GateOptions.of(RateMetric.SHARE_OF_VOICE, List.of("Acme"), 5, 0.05));
      assertThat(c.comparedBrands()).containsExactly("Acme");
      assertThat(c.brands().get(0).baseline().value()).isEqualTo(1.0);
      assertThat(c.brands().get(0).current().value()).isEqualTo(1.0);
      assertThat(c.brandRulesDiffer()).isTrue();
    }
  }
}
