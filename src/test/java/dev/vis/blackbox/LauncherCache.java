package dev.vis.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options {@code ./vis} adds to start the jar from its start-up cache, and how it then
 * names the jar, asked of the launcher's own script ({@code .mvn/startup-cache.sh}) once per test
 * JVM: the cache is recorded the first time (as the first {@code ./vis} command after a build does)
 * and every black-box test then starts vis as the launcher does, at a third of the CPU a cold start
 * costs. Where the script makes no cache, there are no options, the jar is run with {@code -jar},
 * and vis starts cold.
 */
final class LauncherCache {
  private static final String ASK =
      ". \"$1/.mvn/jdk.sh\"; . \"$1/.mvn/startup-cache.sh\"; vis_cache_flags \"$2\";"
          + " printf '%s\\n' ${VIS_CACHE_FLAGS[@]+\"${VIS_CACHE_FLAGS[@]}\"} \"${VIS_LAUNCH[@]}\"";

  private static List<String> flags; // guarded by LauncherCache.class

  private LauncherCache() {}

  /**
   * The options for {@code args} and the jar after them: {@code -jar JAR} alone for {@code
   * --version} alone, which the launcher starts without the cache too.
   */
  static List<String> flags(Path jar, List<String> args) {
    if (args.equals(List.of("--version")) || args.equals(List.of("-V"))) {
      return List.of("-jar", jar.toString());
    }
    return flags(jar);
  }

  private static synchronized List<String> flags(Path jar) {
    if (flags == null) {
      flags = ask(jar.toAbsolutePath());
    }
    return flags;
  }

  private static List<String> ask(Path jar) {
    Path checkout = jar.getParent().getParent();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", ASK, "flags", checkout.toString(), jar.toString())
            .redirectError(Redirect.DISCARD);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("the launcher's script failed to give its cache options");
      }
      return out.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
