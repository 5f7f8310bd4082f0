package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers every byte vis printed or stored about a run (each command's stdout and stderr, the
 * database file with its {@code -wal} and {@code -shm}, the {@code --log-json} file, every export
 * table in every format, every report format) and asserts that a secret is in none of them.
 */
final class SecretScan {
  private static final List<String> TABLES = List.of("responses", "mentions", "citations");
  private static final List<String> EXPORT_FORMATS = List.of("csv", "jsonl");
  private static final List<String> REPORT_FORMATS = List.of("md", "csv", "json");

  private final CommandHarness vis;
  private final List<Named> seen = new ArrayList<>();

  /** The bytes of one place vis wrote, and its name for the failure message. */
  private record Named(String name, byte[] bytes) {}

  SecretScan(CommandHarness vis) {
    this.vis = vis;
  }

  /** Adds what one command printed. */
  SecretScan printed(String command, CommandHarness.Result result) {
    seen.add(new Named(command + " stdout", result.out().getBytes(StandardCharsets.UTF_8)));
    seen.add(new Named(command + " stderr", result.err().getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Adds a file's bytes; a file that does not exist holds nothing. */
  SecretScan file(Path file) {
    try {
      if (Files.exists(file)) {
        seen.add(new Named(file.toString(), Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Adds every export (each table in csv and jsonl) and report (md, csv, json) of {@code runId},
   * then the database files as they are after those commands.
   */
  SecretScan everythingAbout(String runId) {
    for (String table : TABLES) {
      for (String format : EXPORT_FORMATS) {
        CommandHarness.Result export =
            vis.run("export", runId, "--table", table, "--format", format);
        assertThat(export.exitCode()).as(export.toString()).isZero();
        printed("export " + table + " " + format, export);
      }
    }
    for (String format : REPORT_FORMATS) {
      CommandHarness.Result report = vis.run("report", runId, "--format", format);
      assertThat(report.out()).as(report.toString()).isNotBlank();
      printed("report " + format, report);
    }
    printed("runs", vis.run("runs", "--format", "json"));
    Path db = vis.dir.resolve("vis.db");
    return file(db).file(Path.of(db + "-wal")).file(Path.of(db + "-shm"));
  }

  /** Asserts that no byte sequence gathered holds any of {@code secrets}. */
  void assertHoldsNone(String... secrets) {
    assertThat(seen).as("nothing was gathered to search").isNotEmpty();
    for (Named place : seen) {
      // ISO-8859-1 maps each byte to one char, so an ASCII secret is found wherever its bytes are
      String text = new String(place.bytes(), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertThat(text).as("the secret leaked into " + place.name()).doesNotContain(secret);
      }
    }
  }
}
