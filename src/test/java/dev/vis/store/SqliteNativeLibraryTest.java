package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
  @TempDir Path cache;

  @Test
  void the_copy_is_the_jars_library_in_a_folder_named_for_the_version() throws Exception {
    Path dir = SqliteNativeLibrary.copyIn(cache);

    assertThat(dir.getParent()).isEqualTo(cache);
    assertThat(dir.getFileName().toString())
        .startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-");
    assertThat(Files.readAllBytes(library(dir))).isEqualTo(jarLibrary());
    try (var files = Files.list(dir)) {
      assertThat(files).as("no part file left behind").hasSize(1);
    }
  }

  @Test
  void a_whole_copy_is_used_as_it_is() throws Exception {
    Path dir = SqliteNativeLibrary.copyIn(cache);
    FileTime made = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(library(dir), made);

    SqliteNativeLibrary.copyIn(cache);

    assertThat(Files.getLastModifiedTime(library(dir))).isEqualTo(made);
  }

  @Test
  void a_copy_cut_short_is_made_again() throws Exception {
    Path dir = SqliteNativeLibrary.copyIn(cache);
    Files.write(library(dir), new byte[100]);

    SqliteNativeLibrary.copyIn(cache);

    assertThat(Files.readAllBytes(library(dir))).isEqualTo(jarLibrary());
  }

  private static Path library(Path dir) {
    return dir.resolve(LibraryLoaderUtil.getNativeLibName());
  }

  private static byte[] jarLibrary() throws Exception {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
