package dev.vis.spec;

/**
 * One thing wrong with a spec, located in the file that holds it.
 *
 * @param file the file as the user named it ({@code path/to/spec.yaml}, or a prompts CSV)
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when the problem concerns the whole file
 * @param path the field path ({@code models[2].provider}), empty when there is none
 * @param message what is wrong and what is allowed
 */
public record SpecProblem(String file, int line, int column, String path, String message) {

  /** The problem as one line: {@code spec.yaml:14:5: models[2].provider: unknown provider …}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }
}
