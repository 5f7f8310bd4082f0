package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

class SqlitePlatformTest {
  private static final String GLIBC_MAPS =
      "7f2c1a000000-7f2c1a028000 r--p 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6\n";
  private static final String MUSL_MAPS =
      "7f2c1a000000-7f2c1a028000 r--p 00000000 08:01 1234 /lib/ld-musl-x86_64.so.1\n";

  @TempDir Path dir;

  @Test
  void the_folder_is_the_one_sqlite_jdbc_names_for_this_machine() {
    String folder = SqlitePlatform.folder();

    assertThat(folder).isEqualTo(OSInfo.getNativeLibFolderPathForCurrentOS());
    assertThat(SqlitePlatform.resourceFolder(folder))
        .isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());
  }

  @Test
  void linux_with_glibc_mapped_is_linux() throws Exception {
    assertThat(
            SqlitePlatform.linuxName(
                "Linux", "OpenJDK Runtime Environment", Map.of(), maps(GLIBC_MAPS)))
        .contains("Linux");
  }

  @Test
  void linux_with_musl_mapped_is_linux_musl() throws Exception {
    assertThat(
            SqlitePlatform.linuxName(
                "Linux", "OpenJDK Runtime Environment", Map.of(), maps(MUSL_MAPS)))
        .contains("Linux-Musl");
  }

  @Test
  void any_sign_of_android_leaves_the_answer_to_sqlite_jdbc() throws Exception {
    Path maps = maps(GLIBC_MAPS);

    assertThat(SqlitePlatform.linuxName("Linux", "Android Runtime", Map.of(), maps)).isEmpty();
    assertThat(
            SqlitePlatform.linuxName("Linux", "OpenJDK", Map.of("ANDROID_ROOT", "/system"), maps))
        .isEmpty();
    assertThat(
            SqlitePlatform.linuxName("Linux", "OpenJDK", Map.of("TERMUX_VERSION", "0.118"), maps))
        .isEmpty();
  }

  @Test
  void other_systems_and_an_unreadable_map_leave_the_answer_to_sqlite_jdbc() throws Exception {
    assertThat(SqlitePlatform.linuxName("Mac OS X", "OpenJDK", Map.of(), maps(GLIBC_MAPS)))
        .isEmpty();
    assertThat(SqlitePlatform.linuxName("FreeBSD", "OpenJDK", Map.of(), maps(GLIBC_MAPS)))
        .isEmpty();
    assertThat(SqlitePlatform.linuxName("Linux", "OpenJDK", Map.of(), dir.resolve("missing")))
        .isEmpty();
  }

  private Path maps(String text) throws Exception {
    return Files.writeString(dir.resolve("maps"), text);
  }
}
