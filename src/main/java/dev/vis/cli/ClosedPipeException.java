package dev.vis.cli;

/**
 * The reader of stdout went away ({@code vis export | head -1}): the command stops its work at once
 * and ends quietly, as a pipeline expects.
 */
final class ClosedPipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ClosedPipeException(Throwable cause) {
    super("the reader of stdout closed the pipe", cause);
  }

  /** Whether {@code failure} is, or was caused by, a closed pipe. */
  static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClosedPipeException) {
        return true;
      }
    }
    return false;
  }
}
