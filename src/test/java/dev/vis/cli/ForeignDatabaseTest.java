package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command pointed at a file that is not a vis database refuses it with exit 2 and leaves it
 * byte for byte as it was, with no -wal, -shm or -journal file beside it.
 */
class ForeignDatabaseTest {
  @TempDir Path dir;
  CommandHarness vis;
  Path spec;
  Path other;

  /** Files that belong to someone else. */
  enum Foreign {
    SQLITE_APP(sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", Foreign.NOTES)),
    SQLITE_APP_IN_WAL_MODE(
        sql("PRAGMA journal_mode = WAL", "CREATE TABLE notes (body TEXT)", Foreign.NOTES)),
    SQLITE_APP_WITH_ITS_OWN_MARK(
        sql("PRAGMA application_id = 1179603761", "CREATE TABLE runs (id TEXT)")),
    SQLITE_WITH_A_TABLE_NAMED_RUNS(
        sql("CREATE TABLE runs (id TEXT PRIMARY KEY)", "PRAGMA user_version = 1")),
    SQLITE_WITHOUT_TABLES(sql("CREATE TABLE t (x)", "DROP TABLE t")),
    TEXT(file -> Files.writeString(file, "name,score\nacme,1\n".repeat(40))),
    RANDOM_BYTES(
        file -> {
          byte[] bytes = new byte[8192];
          new Random(42).nextBytes(bytes);
          Files.write(file, bytes);
        });

    private static final String NOTES = "INSERT INTO notes (body) VALUES ('keep me'), ('and me')";

    /** Writes the file. */
    interface Writer {
      void write(Path file) throws Exception;
    }

    private final Writer writer;

    Foreign(Writer writer) {
      this.writer = writer;
    }

    void write(Path file) throws Exception {
      writer.write(file);
    }

    private static Writer sql(String... statements) {
      return file -> new SqlFile(file).execute(statements);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
    spec = Files.writeString(dir.resolve("crm.yaml"), SimRunTest.SPEC);
    other = Files.createDirectories(dir.resolve("app")).resolve("app.db");
  }

  private List<String[]> everyCommand() {
    String s = spec.toString();
    String db = other.toString();
    String id = "01JDAAAAAAAAAAAAAAAAAAAAAA";
    List<String[]> commands = new ArrayList<>();
    for (String[] args :
        new String[][] {
          {"run", s},
          {"run", s, "--resume"},
          {"run", s, "--resume", id},
          {"report"},
          {"report", "latest", "--format", "json"},
          {"export", "--table", "mentions"},
          {"replay", "latest"},
          {"push", "latest", "--to", dir.resolve("team.db").toString()},
          {"runs"},
          {"runs", "--format", "json"},
          {"runs", "rm", id},
          {"runs", "rm", id, "--yes"},
          {"runs", "rm", id, "--dry-run"},
          {"runs", "prune", "--older-than", "0m"},
          {"runs", "prune", "--older-than", "0m", "--yes"},
          {"runs", "prune", "--older-than", "0m", "--dry-run"}
        }) {
      commands.add(Stream.concat(Stream.of(args), Stream.of("--db", db)).toArray(String[]::new));
    }
    return commands;
  }

  @ParameterizedTest
  @EnumSource(Foreign.class)
  void every_command_refuses_it_with_exit_2_and_leaves_it_byte_for_byte(Foreign kind)
      throws Exception {
    kind.write(other);
    SqlFile file = new SqlFile(other);
    String before = file.sha256();
    List<String> files = file.neighbours();

    for (String[] args : everyCommand()) {
      CommandHarness.Result result = vis.run(args);
      String command = String.join(" ", args);
      assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(2);
      assertThat(result.err())
          .as(command + "\n" + result)
          .startsWith("vis: " + other + ": not a vis database (")
          .doesNotContain("Exception", "\tat ");
      assertThat(file.sha256()).as(command + ": the file's bytes").isEqualTo(before);
      assertThat(file.neighbours()).as(command + ": files beside it").isEqualTo(files);
    }
  }

  @ParameterizedTest
  @EnumSource(Foreign.class)
  void a_dry_run_never_looks_at_the_database(Foreign kind) throws Exception {
    kind.write(other);
    String before = new SqlFile(other).sha256();
    CommandHarness.Result dry =
        vis.run("run", spec.toString(), "--dry-run", "--db", other.toString());
    assertThat(dry.exitCode()).as(dry::toString).isZero();
    assertThat(new SqlFile(other).sha256()).isEqualTo(before);
    assertThat(new SqlFile(other).neighbours()).containsExactly("app.db");
  }
}
