package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;

/**
 * The {@code --out FILE} option: stdout by default; a file is written whole or not at all, through
 * a temporary file beside it that never outlives the command.
 */
final class OutputOptions {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout (whole or not at all)")
  Path out;

  /**
   * Refuses an {@code --out} that cannot be written, before any work: a directory, a folder that
   * does not exist or cannot be written in. Exit 2.
   */
  void check() {
    if (out == null) {
      return;
    }
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw VisException.usage(
          "--out " + out + ": is a directory; give the path of a file to write");
    }
    if (isSpecial(target)) {
      return;
    }
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw VisException.usage("--out " + out + ": directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw VisException.usage(
          "--out " + out + ": cannot write in " + dir + " (check its permissions)");
    }
  }

  /** Runs the writer against stdout or a temporary file moved into place when complete. */
  void write(PrintWriter stdout, WriterBody body) throws IOException {
    if (out == null) {
      body.write(stdout);
      stdout.flush();
      return;
    }
    check();
    Path target = out.toAbsolutePath();
    if (isSpecial(target)) {
      writeStraight(target, body);
      return;
    }
    Path tmp = temporaryFile(target);
    try {
      try (Writer w =
          new ProductWriter(
              Files.newOutputStream(tmp), "--out " + out, out + " was left as it was", false)) {
        body.write(w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // deleteOnExit still has it
      }
    }
  }

  /**
   * Whether the target is a device or a pipe ({@code /dev/stdout}, a FIFO): written straight, since
   * moving a file over it would replace the device itself.
   */
  private static boolean isSpecial(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  private void writeStraight(Path target, WriterBody body) throws IOException {
    OutputStream stream;
    try {
      stream = Files.newOutputStream(target);
    } catch (IOException e) {
      throw new VisException(ExitCode.FAILED, "cannot write --out " + out + ": " + reason(e), e);
    }
    try (Writer w = new ProductWriter(stream, "--out " + out, "the output is cut short", false)) {
      body.write(w);
    }
  }

  private Path temporaryFile(Path target) {
    try {
      Path tmp = createBeside(target);
      try {
        // a signal that ends the JVM mid-write runs the shutdown hooks, which delete it
        tmp.toFile().deleteOnExit();
      } catch (IllegalStateException shuttingDown) {
        Files.delete(tmp);
        throw new IOException("vis is shutting down", shuttingDown);
      }
      return tmp;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * A new empty file beside the target. Not {@code createTempFile}: its owner-only permissions
   * would pass to the report, where a file the user writes gets the umask's.
   */
  private static Path createBeside(Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      String name = ".vis-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      try {
        return Files.createFile(target.resolveSibling(name + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private VisException failure(IOException e) {
    return new VisException(
        ExitCode.FAILED,
        "cannot write --out " + out + ": " + reason(e) + "; " + out + " was left as it was",
        e);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return ProductWriter.reason(e);
  }

  /** Writes the product. */
  @FunctionalInterface
  interface WriterBody {
    void write(Writer writer) throws IOException;
  }
}
