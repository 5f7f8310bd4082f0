package dev.vis.spec;

/**
 * A place in a spec or prompts file that a problem can point at.
 *
 * @param file the file as the user named it
 * @param line 1-based line (0: the whole file)
 * @param column 1-based column (0: the whole file)
 * @param path the field path, possibly empty
 */
public record Where(String file, int line, int column, String path) {

  static Where file(String file) {
    return new Where(file, 0, 0, "");
  }

  /** {@code file:line:col}, for messages that refer to another place. */
  public String position() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }

  SpecProblem problem(String message) {
    return new SpecProblem(file, line, column, path, message);
  }
}
