package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour on the jar: {@code run examples/quickstart.yaml}, then every reading command on
 * that one run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class QuickstartIT {
  static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

  JarRunner vis;
  JarRunner.Result run;
  String runId;

  @BeforeAll
  void runTheQuickstart(@TempDir Path root) throws IOException {
    vis = JarRunner.in(root);
    Path examples = Path.of(System.getProperty("vis.examples"));
    for (String file : List.of("quickstart.yaml", "prompts.csv")) {
      Files.copy(examples.resolve(file), vis.workDir().resolve(file));
    }
    run = vis.run("run", "quickstart.yaml");
    runId = run.out().strip();
  }

  @Nested
  @Order(1)
  class Run {
    @Test
    void exits_0_with_only_the_run_id_on_stdout() {
      assertThat(run.exitCode()).as(run::toString).isZero();
      assertThat(run.out()).as(run::toString).matches(ULID + "\\R");
    }

    @Test
    void prints_its_summary_on_stderr() {
      assertThat(run.err())
          .as(run::toString)
          .containsPattern(
              Pattern.quote("quickstart " + runId + ": done. ")
                  + "(\\d+) of \\1 tasks answered, 0 failed, 0 pending")
          .contains("vis report " + runId);
    }

    @Test
    void writes_a_database_only_its_owner_can_read() throws IOException {
      List<Path> files;
      try (Stream<Path> listing = Files.list(vis.workDir())) {
        files = listing.filter(f -> f.getFileName().toString().startsWith("vis.db")).toList();
      }
      assertThat(files).as(run::toString).contains(vis.workDir().resolve("vis.db"));
      for (Path file : files) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Nested
  @Order(2)
  class Reading {
    @Test
    void report_shows_every_brand_of_the_spec_with_its_rate_and_interval() throws IOException {
      JarRunner.Result report = vis.run("report");
      assertThat(report.exitCode()).as(report::toString).isZero();
      assertThat(report.out()).as(report::toString).contains(runId);
      for (String brand : brandsOfTheSpec()) {
        assertThat(report.out())
            .as(report::toString)
            .containsPattern(
                "\\| "
                    + Pattern.quote(brand)
                    + "( ★)? \\| \\d+\\.\\d% \\(\\d+\\.\\d–\\d+\\.\\d\\) \\|");
      }
      assertThat(report.out()).as("the primary brand is marked").contains("| Acme CRM ★ |");
    }

    @Test
    void export_of_mentions_as_csv_starts_with_the_documented_header() {
      JarRunner.Result export = vis.run("export", "--table", "mentions", "--format", "csv");
      assertThat(export.exitCode()).as(export::toString).isZero();
      List<String> lines = export.out().lines().toList();
      assertThat(lines)
          .as(export::toString)
          .first()
          .isEqualTo(
              "run_id,task_id,prompt_id,model_id,sample,brand,count,position,list_rank,first_offset,"
                  + "list,rule");
      assertThat(lines.subList(1, lines.size()))
          .as(export::toString)
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).startsWith(runId + ","));
    }

    @Test
    void runs_lists_the_run_as_done() {
      JarRunner.Result runs = vis.run("runs");
      assertThat(runs.exitCode()).as(runs::toString).isZero();
      assertThat(runs.out())
          .as(runs::toString)
          .containsPattern("(?m)^" + runId + "\\s+quickstart\\s+\\S+Z\\s+done\\s+\\d+\\s+0\\s");
    }

    @Test
    void report_of_a_run_that_does_not_exist_exits_2_and_names_it() {
      JarRunner.Result report =
          vis.run("report", "01ZZZZZZZZ").assertExit(2, "'01ZZZZZZZZ'", "vis runs");
      assertThat(report.out()).as(report::toString).isEmpty();
    }
  }

  /** Last: the replay becomes the {@code latest} run the reading commands default to. */
  @Nested
  @Order(3)
  class Replay {
    @Test
    void replay_of_latest_prints_a_new_run_id_linked_to_its_source() {
      JarRunner.Result replay = vis.run("replay", "latest");
      assertThat(replay.exitCode()).as(replay::toString).isZero();
      assertThat(replay.out()).as(replay::toString).matches(ULID + "\\R");
      String replayId = replay.out().strip();
      assertThat(replayId).isNotEqualTo(runId);
      assertThat(replay.err()).as(replay::toString).contains("no provider called");
      JarRunner.Result runs = vis.run("runs");
      assertThat(runs.out()).as(runs::toString).containsPattern(replayId + ".*replay of " + runId);
    }
  }

  private List<String> brandsOfTheSpec() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(vis.workDir().resolve("quickstart.yaml").toFile());
    List<String> names = new ArrayList<>();
    spec.get("brands").forEach(brand -> names.add(brand.get("name").asText()));
    assertThat(names).as("brands in quickstart.yaml").isNotEmpty();
    return names;
  }
}
