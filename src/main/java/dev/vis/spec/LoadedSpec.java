package dev.vis.spec;

import java.nio.file.Path;

/**
 * A spec as loaded: where it came from, its text as written and the validated model.
 *
 * @param path the spec file
 * @param text the file's text as written, {@code ${VAR}} not expanded (what runs store)
 * @param sha256 lower-case hex SHA-256 of the text's UTF-8 bytes
 * @param spec the validated, expanded spec
 * @param maxTasks the most tasks a run of it may make: {@code --max-tasks}, else the spec's {@code
 *     max_tasks}, else {@link TaskCount#DEFAULT_MAX_TASKS}
 * @param places where its brand terms, prompts and models were written
 */
public record LoadedSpec(
    Path path, String text, String sha256, RunSpec spec, int maxTasks, SpecPlaces places) {

  /** A spec whose places are unknown (built in code, not read from a file). */
  public LoadedSpec(Path path, String text, String sha256, RunSpec spec, int maxTasks) {
    this(path, text, sha256, spec, maxTasks, SpecPlaces.NONE);
  }

  /**
   * The count of a run of {@code spec} (this spec with the command line's overrides), refused over
   * {@link #maxTasks}.
   *
   * @throws SpecException when there are too many tasks (exit 2)
   */
  public void checkSize(RunSpec spec) {
    TaskCount.of(spec).check(path.toString(), maxTasks);
  }
}
