package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rule that keeps classes small: no main source file over 300 lines. */
class SourceSizeTest {
  private static final int MAX_LINES = 300;

  @Test
  void no_main_source_file_is_over_300_lines() throws IOException {
    List<String> over;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      over =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(SourceSizeTest::tooLong)
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertThat(over).as("files over %d lines: split them by responsibility", MAX_LINES).isEmpty();
  }

  private static boolean tooLong(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count() > MAX_LINES;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
