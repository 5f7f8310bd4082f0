package dev.vis.spec;

import java.util.List;
import java.util.Locale;

/**
 * How many tasks a spec makes: prompts × models × samples, counted before anything is built so a
 * short spec cannot ask for millions of calls by accident. Products saturate at {@link
 * Long#MAX_VALUE} instead of overflowing.
 *
 * @param prompts the prompts after expansion
 * @param models the models asked
 * @param samples answers per (prompt, model)
 */
public record TaskCount(long prompts, long models, long samples) {

  /** The most tasks a run may make unless the spec's {@code max_tasks} or --max-tasks says more. */
  public static final int DEFAULT_MAX_TASKS = 100_000;

  /** The count of a spec as it stands (the command line's overrides applied). */
  public static TaskCount of(RunSpec spec) {
    return new TaskCount(spec.prompts().size(), spec.models().size(), spec.samples());
  }

  public long tasks() {
    return times(times(prompts, models), samples);
  }

  /**
   * Refuses a count over {@code maxTasks} with the count it would have made.
   *
   * @param file the spec file as the user named it
   * @throws SpecException when there are more tasks than {@code maxTasks} (exit 2)
   */
  public void check(String file, long maxTasks) {
    if (tasks() > maxTasks) {
      throw new SpecException(List.of(Where.file(file).problem(refusal(maxTasks))));
    }
  }

  /** What is wrong and what to do, for a count over {@code maxTasks}. */
  String refusal(long maxTasks) {
    return "the spec expands to "
        + number(prompts)
        + (prompts == 1 ? " prompt × " : " prompts × ")
        + number(models)
        + (models == 1 ? " model × " : " models × ")
        + number(samples)
        + (samples == 1 ? " sample = " : " samples = ")
        + number(tasks())
        + " tasks, over max_tasks "
        + number(maxTasks)
        + "; raise max_tasks in the spec or pass --max-tasks";
  }

  /** {@code a × b}, or {@link Long#MAX_VALUE} when that is larger; both at least 0. */
  static long times(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static String number(long n) {
    return n == Long.MAX_VALUE
        ? "at least " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
        : String.format(Locale.ROOT, "%,d", n);
  }
}
