package dev.vis.cli;

/**
 * A GitHub Actions workflow command ({@code ::error title=…::message}), escaped as GitHub's toolkit
 * escapes it so a value cannot end the command early or start another.
 */
record WorkflowCommand(String command, String title, String message) {

  /** The line the runner reads, without its line break. */
  String line() {
    return "::" + command + " title=" + property(title) + "::" + data(message);
  }

  /** The message part: {@code %}, CR and LF. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as data, and {@code :} and {@code ,} that would end the property. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
