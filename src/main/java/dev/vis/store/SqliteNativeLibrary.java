package dev.vis.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. sqlite-jdbc copies it out of the jar into the temp
 * folder on every start (and lists that folder to clean up old copies); when the launcher names a
 * cache folder ({@code -Dvis.cache}) the copy is made there once per sqlite-jdbc version and
 * platform and loaded from there after. Without that property, or when the copy cannot be made,
 * sqlite-jdbc does as it always does.
 */
final class SqliteNativeLibrary {
  static final String CACHE_PROPERTY = "vis.cache";
  private static volatile boolean prepared;

  private SqliteNativeLibrary() {}

  /** Points sqlite-jdbc at the cached copy, making it first; call before the first connection. */
  static void prepare() {
    if (prepared) {
      return;
    }
    synchronized (SqliteNativeLibrary.class) {
      if (!prepared) {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache != null
            && !cache.isBlank()
            && System.getProperty("org.sqlite.lib.path") == null) {
          useCopyIn(Path.of(cache));
        }
        prepared = true;
      }
    }
  }

  private static void useCopyIn(Path cache) {
    try {
      Path dir = copyIn(cache);
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", LibraryLoaderUtil.getNativeLibName());
      // the folder sqlite-jdbc lists for stale copies of its own: this small one, not /tmp
      System.setProperty("org.sqlite.tmpdir", dir.toString());
    } catch (IOException | RuntimeException e) {
      // no cached copy: sqlite-jdbc makes its own in the temp folder, as without a cache
    }
  }

  /**
   * Makes sure {@code cache} holds a whole copy of this platform's library, copying it when it is
   * missing or cut short (a full disk, a crash: its size is not the jar entry's); returns its
   * folder.
   */
  static Path copyIn(Path cache) throws IOException {
    String platform = SqlitePlatform.folder();
    String name = LibraryLoaderUtil.getNativeLibName();
    Path dir =
        cache.resolve(
            "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform.replace('/', '-'));
    Path library = dir.resolve(name);
    String resource = SqlitePlatform.resourceFolder(platform) + "/" + name;
    if (!Files.isRegularFile(library) || Files.size(library) != size(resource)) {
      copy(resource, dir, library);
    }
    return dir;
  }

  private static long size(String resource) throws IOException {
    URL url = SQLiteJDBCLoader.class.getResource(resource);
    if (url == null) {
      throw new IOException("no " + resource + " in the jar");
    }
    return url.openConnection().getContentLengthLong();
  }

  /** Copies the resource under a temporary name first, so no one loads half a library. */
  private static void copy(String resource, Path dir, Path library) throws IOException {
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " in the jar");
      }
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, ".part-", ".tmp");
      try {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, library, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
    }
  }
}
