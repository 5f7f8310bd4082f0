package dev.vis.engine;

/**
 * A task failed without an HTTP call because its provider, key or model is stopped for this run
 * (circuit open, key refused, quota spent). Never retried; the task is failed and resumable.
 */
final class NotCalledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String category;

  /**
   * @param category the short cause failed tasks are counted by
   * @param detail what stopped the call and what to do
   */
  NotCalledException(String category, String detail) {
    super("not called: " + detail);
    this.category = category;
  }

  String category() {
    return category;
  }
}
