package dev.vis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or directory read-only for as long as it is open. Permission bits do not bind root
 * (CI containers often run as root), so there it sets the immutable attribute with {@code chattr
 * +i}, which does.
 */
final class ReadOnly implements AutoCloseable {
  private final Path path;
  private final Set<PosixFilePermission> before;
  private final boolean immutable;

  private ReadOnly(Path path, Set<PosixFilePermission> before, boolean immutable) {
    this.path = path;
    this.before = before;
    this.immutable = immutable;
  }

  static ReadOnly make(Path path) throws IOException {
    Set<PosixFilePermission> before = Files.getPosixFilePermissions(path);
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-x------" : "r--------"));
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      chattr("+i", path);
    }
    return new ReadOnly(path, before, root);
  }

  @Override
  public void close() throws IOException {
    if (immutable) {
      chattr("-i", path);
    }
    Files.setPosixFilePermissions(path, before);
  }

  private static void chattr(String flag, Path path) throws IOException {
    try {
      Process p = new ProcessBuilder("chattr", flag, path.toString()).inheritIO().start();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("chattr " + flag + " " + path + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
