package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendering with its golden file exactly; {@code -Dgolden.update=true} rewrites the
 * golden files on purpose instead.
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden", "report");

  private Golden() {}

  public static void assertMatches(String fileName, String actual) throws IOException {
    Path file = DIR.resolve(fileName);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s (run with -Dgolden.update=true to create it)", file)
        .exists();
    assertThat(actual)
        .as("rendering differs from %s (rerun with -Dgolden.update=true if on purpose)", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
