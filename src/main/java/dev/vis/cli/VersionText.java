package dev.vis.cli;

import dev.vis.Version;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code vis --version} prints, and whether a command line asks for nothing else: {@link Main}
 * answers such a line itself, before picocli (whose classes the start-up cache cannot hold) loads.
 */
final class VersionText {
  private VersionText() {}

  /** Whether every word of {@code args} is {@code --version} or {@code -V}, and there is one. */
  static boolean isAllThatIsAsked(String[] args) {
    return args.length > 0
        && Arrays.stream(args).allMatch(a -> a.equals("--version") || a.equals("-V"));
  }

  /** The version, the commit it was built from, and the Java runtime it runs on. */
  static List<String> lines() {
    return List.of(
        "vis " + Version.current() + " (commit " + Version.commit() + ")",
        "Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor", "unknown vendor")
            + ", "
            + System.getProperty("java.home", "unknown home")
            + ")");
  }
}
