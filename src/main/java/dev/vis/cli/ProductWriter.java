package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the product goes (stdout or an {@code --out} file), with its write errors made to end the
 * command: {@link PrintWriter} would swallow them into a flag nobody reads, and a full disk would
 * pass for success. The first failure throws, a {@link VisException} (exit 1) naming the target, or
 * a {@link ClosedPipeException} when the reader of a pipe went away; what is written after it is
 * dropped, since nothing can reach the target any more. Not thread-safe.
 */
final class ProductWriter extends Writer {
  private static final int BUFFER = 1 << 16;

  private final Writer out;
  private final String target;
  private final String aftermath;
  private final boolean pipe;
  private boolean failed;

  /**
   * @param target how a message names the destination: {@code stdout} or {@code --out FILE}
   * @param aftermath what a failure leaves behind, for the message
   * @param pipe whether the destination is a pipe, where every write error means the reader left
   */
  ProductWriter(OutputStream out, String target, String aftermath, boolean pipe) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
    this.target = target;
    this.aftermath = aftermath;
    this.pipe = pipe;
  }

  /** The process's stdout as the product's writer, flushing at every line as the CLI did. */
  static PrintWriter stdout(OutputStream stdout, boolean pipe) {
    return new PrintWriter(
        new ProductWriter(stdout, "stdout", "the output is cut short", pipe), true);
  }

  /** Whether file descriptor 1 is a pipe or a socket (Linux's {@code /proc}; elsewhere: no). */
  static boolean stdoutIsPipe() {
    try {
      String link = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
      return link.startsWith("pipe:") || link.startsWith("socket:");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    guarded(() -> out.write(chars, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) {
    guarded(() -> out.write(text, offset, length));
  }

  @Override
  public void flush() {
    guarded(out::flush);
  }

  @Override
  public void close() {
    guarded(out::close);
  }

  private void guarded(Io action) {
    if (failed) {
      return;
    }
    try {
      action.run();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** One operation on the writer underneath. */
  @FunctionalInterface
  private interface Io {
    void run() throws IOException;
  }

  private RuntimeException failure(IOException e) {
    failed = true;
    if (pipe || isBrokenPipe(e)) {
      return new ClosedPipeException(e);
    }
    return new VisException(
        ExitCode.FAILED, "cannot write to " + target + ": " + reason(e) + "; " + aftermath, e);
  }

  /** EPIPE, as the JDK words it; the words are the C library's and may be translated. */
  private static boolean isBrokenPipe(IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("broken pipe") || message.contains("epipe");
  }

  static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
