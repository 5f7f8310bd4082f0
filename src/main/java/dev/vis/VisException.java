package dev.vis;

/**
 * The one unchecked root of every error vis reports to a user: a one-paragraph message and the exit
 * code the process ends with.
 */
public class VisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public VisException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public VisException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** Bad usage or invalid input: exit 2. */
  public static VisException usage(String message) {
    return new VisException(ExitCode.USAGE, message);
  }
}
