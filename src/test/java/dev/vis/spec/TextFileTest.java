package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
  @TempDir Path dir;

  private String refusal(Path file) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file, Map.of()));
    assertThat(e).isNotNull();
    return e.getMessage();
  }

  @Test
  void refuses_a_binary_file() throws IOException {
    Path file =
        Files.write(dir.resolve("spec.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});

    assertThat(refusal(file))
        .isEqualTo(file + ": is a binary file (it contains NUL bytes), not UTF-8 text");
  }

  @Test
  void refuses_text_that_is_not_utf8() throws IOException {
    Path file =
        Files.write(
            dir.resolve("spec.yaml"), "name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(refusal(file)).isEqualTo(file + ": is not UTF-8 text (save it as UTF-8)");
  }

  @Test
  void refuses_a_file_over_one_mebibyte() throws IOException {
    Path file =
        Files.writeString(dir.resolve("spec.yaml"), "#".repeat(TextFile.MAX_SPEC_BYTES + 1));

    assertThat(refusal(file)).isEqualTo(file + ": is too large (more than 1 MiB)");
  }

  @Test
  void refuses_a_directory() {
    assertThat(refusal(dir)).isEqualTo(dir + ": is a directory, not a file");
  }

  @Test
  void drops_a_byte_order_mark() throws IOException {
    Path file = Files.writeString(dir.resolve("bom.yaml"), "\uFEFF" + SpecFixture.MINIMAL);

    LoadedSpec loaded = SpecLoader.load(file, Map.of());

    assertThat(loaded.text()).isEqualTo(SpecFixture.MINIMAL);
    assertThat(loaded.spec().name()).isEqualTo("bom");
  }
}
