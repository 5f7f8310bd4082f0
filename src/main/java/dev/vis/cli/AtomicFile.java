package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small file an option names ({@code --junit FILE}), written whole or not at all: a temporary
 * file beside it is moved into place once complete.
 */
record AtomicFile(String option, Path file) {

  /**
   * Refuses, before any work, a file that cannot be written where it is named.
   *
   * @throws VisException with exit code 2 for a directory or a missing parent directory
   */
  AtomicFile checked() {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw VisException.usage(option + " " + file + ": is a directory (name a file)");
    }
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw VisException.usage(option + " " + file + ": directory " + dir + " does not exist");
    }
    return this;
  }

  /**
   * Writes {@code content} as UTF-8, replacing the file.
   *
   * @throws VisException with exit code 1 when the disk refuses
   */
  void write(String content) {
    Path target = checked().file.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), ".vis-", ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new VisException(
          ExitCode.FAILED, option + " " + file + ": cannot write it: " + e.getMessage(), e);
    }
  }
}
