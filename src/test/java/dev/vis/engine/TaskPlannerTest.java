package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecRecords;
import dev.vis.store.NewTask;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskPlannerTest {
  private static RunSpec spec(int prompts, int models, int samples) {
    List<PromptSpec> p =
        IntStream.range(0, prompts)
            .mapToObj(i -> new PromptSpec("p" + i, "q" + i, List.of()))
            .toList();
    List<ModelSpec> m =
        IntStream.range(0, models).mapToObj(i -> SpecRecords.model("m" + i, "sim", "sim")).toList();
    return SpecRecords.run("t", List.of(), p, m, samples, 4, Duration.ofSeconds(1));
  }

  @Test
  void every_prompt_and_model_is_covered_sample_by_sample_before_the_next_sample() {
    List<NewTask> tasks = TaskPlanner.plan(spec(5, 3, 4), 42);
    assertThat(tasks).hasSize(60);
    for (int s = 0; s < 4; s++) {
      List<NewTask> wave = tasks.subList(s * 15, (s + 1) * 15);
      int sample = s + 1;
      assertThat(wave).allMatch(t -> t.sample() == sample);
      assertThat(wave.stream().map(t -> t.promptId() + "/" + t.modelId()).distinct()).hasSize(15);
    }
    assertThat(tasks)
        .extracting(NewTask::seq)
        .containsExactlyElementsOf(IntStream.range(0, 60).boxed().toList());
  }

  @Test
  void the_order_is_shuffled_but_fixed_by_the_seed() {
    assertThat(TaskPlanner.plan(spec(5, 3, 2), 42)).isEqualTo(TaskPlanner.plan(spec(5, 3, 2), 42));
    assertThat(TaskPlanner.plan(spec(5, 3, 2), 42))
        .isNotEqualTo(TaskPlanner.plan(spec(5, 3, 2), 43));
  }
}
