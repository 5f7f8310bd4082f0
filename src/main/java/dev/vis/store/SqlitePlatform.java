package dev.vis.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc's name for this platform's native library folder ({@code Linux/x86_64}). Its own
 * {@code OSInfo} starts {@code uname -o} and resolves every file the process maps each time it is
 * asked, a tenth of a second of every command on Linux; on Linux outside Android the same answer
 * comes from one read of {@code /proc/self/maps}. Anywhere else, or when that file cannot be read,
 * {@code OSInfo} answers as before.
 */
final class SqlitePlatform {
  private static final Path MAPS = Path.of("/proc/self/maps");
  private static final String[] ANDROID_LIBRARIES = {
    "/system/lib/libGLESv1_CM.so", "/system/lib64/libGLESv1_CM.so"
  };

  private SqlitePlatform() {}

  /** The folder under {@code org/sqlite/native/} that holds this platform's library. */
  static String folder() {
    return linuxName(
            System.getProperty("os.name", ""),
            System.getProperty("java.runtime.name", ""),
            System.getenv(),
            MAPS)
        .map(os -> os + "/" + OSInfo.getArchName())
        .orElseGet(OSInfo::getNativeLibFolderPathForCurrentOS);
  }

  /** The resource folder in the jar of {@code folder}'s library, as sqlite-jdbc names it. */
  static String resourceFolder(String folder) {
    return "/" + SQLiteJDBCLoader.class.getPackageName().replace('.', '/') + "/native/" + folder;
  }

  /**
   * {@code Linux} or {@code Linux-Musl} as {@code OSInfo} would say, or empty where only {@code
   * OSInfo} knows: not Linux, any sign of Android (its runtime, its environment, its system
   * libraries), or {@code maps} unreadable.
   */
  static Optional<String> linuxName(
      String osName, String runtimeName, Map<String, String> env, Path maps) {
    if (!osName.contains("Linux")
        || osName.contains("Windows")
        || osName.contains("Mac")
        || osName.contains("Darwin")
        || osName.contains("AIX")
        || runtimeName.toLowerCase(Locale.ROOT).contains("android")
        || env.containsKey("ANDROID_ROOT")
        || env.containsKey("ANDROID_DATA")
        || env.containsKey("TERMUX_VERSION")) {
      return Optional.empty();
    }
    for (String library : ANDROID_LIBRARIES) {
      if (Files.exists(Path.of(library))) {
        return Optional.empty();
      }
    }
    try {
      // OSInfo looks for "musl" in the real path of every mapped file: maps lists those paths
      boolean musl =
          Files.readString(maps, StandardCharsets.ISO_8859_1)
              .toLowerCase(Locale.ROOT)
              .contains("musl");
      return Optional.of(musl ? "Linux-Musl" : "Linux");
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
