package dev.vis.cli;

import dev.vis.VisException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/** The {@code --out FILE} option: stdout by default; a file is written whole or not at all. */
final class OutputOptions {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout")
  Path out;

  /** Runs the writer against stdout or a temporary file moved into place when complete. */
  void write(PrintWriter stdout, WriterBody body) throws IOException {
    if (out == null) {
      body.write(stdout);
      stdout.flush();
      return;
    }
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw VisException.usage("--out " + out + ": directory " + dir + " does not exist");
    }
    Path tmp = Files.createTempFile(dir, ".vis-", ".tmp");
    try (Writer w =
        new java.io.BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes the product. */
  @FunctionalInterface
  interface WriterBody {
    void write(Writer writer) throws IOException;
  }
}
