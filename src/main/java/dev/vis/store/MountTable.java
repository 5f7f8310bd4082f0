package dev.vis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file systems this machine has mounted (Linux's {@code /proc/mounts}), to tell whether a
 * database lies on a network file system, where SQLite's WAL mode does not work. Immutable; empty
 * where there is no mount table to read, so nothing is then blamed on a network.
 */
final class MountTable {
  private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

  /** File system types that reach another machine (or a VM's host) over a network protocol. */
  private static final Set<String> NETWORK =
      Set.of(
          "nfs",
          "nfs4",
          "cifs",
          "smb3",
          "smbfs",
          "9p",
          "afs",
          "ceph",
          "glusterfs",
          "lustre",
          "gpfs",
          "ncpfs",
          "coda",
          "davfs",
          "fuse.sshfs",
          "fuse.rclone",
          "fuse.s3fs",
          "fuse.gcsfuse",
          "fuse.davfs2",
          "fuse.glusterfs",
          "fuse.cephfs",
          "fuse.juicefs");

  /**
   * One line of the mount table.
   *
   * @param point where it is mounted
   * @param type the file system type ({@code ext4}, {@code nfs4}, {@code fuse.sshfs}…)
   */
  record Mount(Path point, String type) {}

  private final List<Mount> mounts;

  private MountTable(List<Mount> mounts) {
    this.mounts = List.copyOf(mounts);
  }

  /** This machine's mount table; empty when it has none to read (not Linux). */
  static MountTable system() {
    try {
      return Files.isReadable(PROC_MOUNTS) ? parse(Files.readString(PROC_MOUNTS)) : empty();
    } catch (IOException | RuntimeException e) {
      return empty();
    }
  }

  /** No mounts known: nothing is on a network file system. */
  static MountTable empty() {
    return new MountTable(List.of());
  }

  /** Reads {@code /proc/mounts} text: device, mount point, type, options… per line. */
  static MountTable parse(String text) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length >= 3 && fields[1].startsWith("/")) {
        mounts.add(new Mount(Path.of(unescape(fields[1])), fields[2].toLowerCase(Locale.ROOT)));
      }
    }
    return new MountTable(mounts);
  }

  /**
   * The network file system type holding a file (or, if the file does not exist, its directory), if
   * that file system is one.
   */
  Optional<String> networkFileSystem(Path file) {
    return mountOf(file).map(Mount::type).filter(MountTable::isNetwork);
  }

  /** The mount that holds a file: the longest mount point its real path starts with. */
  Optional<Mount> mountOf(Path file) {
    Path real = realPath(file.toAbsolutePath().normalize());
    Mount best = null;
    for (Mount m : mounts) {
      if (real.startsWith(m.point())
          && (best == null || m.point().getNameCount() >= best.point().getNameCount())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Path realPath(Path path) {
    for (Path p = path; p != null; p = p.getParent()) {
      try {
        Path real = p.toRealPath();
        return p == path ? real : real.resolve(p.relativize(path));
      } catch (IOException e) {
        // not there (yet): resolve what exists of it
      }
    }
    return path;
  }

  private static boolean isNetwork(String type) {
    return NETWORK.contains(type) || type.startsWith("nfs") || type.startsWith("smb");
  }

  /** The kernel writes a space in a mount point as {@code \040}, a tab as {@code \011}… */
  private static String unescape(String field) {
    StringBuilder s = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        s.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
