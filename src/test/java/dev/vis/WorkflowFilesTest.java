package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The GitHub files parse and have the structure GitHub requires of them: the composite action (what
 * only action metadata has: {@code runs.using}, a shell on every run step, outputs), the example
 * workflow that uses it, the release workflow. {@link ActionlintTest} runs actionlint over the
 * workflows and over the action's steps.
 */
class WorkflowFilesTest {
  private static final Path ACTION = Path.of(".github/actions/vis/action.yml");
  private static final Path EXAMPLE = Path.of("examples/github-actions.yml");
  private static final Path MATRIX = Path.of("examples/github-actions-matrix.yml");
  private static final Path RELEASE = Path.of(".github/workflows/release.yml");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

  @Test
  void the_action_is_a_composite_whose_steps_name_their_shell() throws IOException {
    JsonNode action = yaml(ACTION);
    assertThat(action.path("name").asText()).isNotBlank();
    assertThat(action.path("description").asText()).isNotBlank();
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    assertThat(action.path("inputs").path("spec").path("required").asBoolean()).isTrue();
    JsonNode steps = action.path("runs").path("steps");
    assertThat(steps.isArray() && !steps.isEmpty()).as("runs.steps").isTrue();
    for (JsonNode step : steps) {
      assertThat(step.has("run") ^ step.has("uses")).as("run or uses: %s", step).isTrue();
      if (step.has("run")) {
        assertThat(step.path("shell").asText()).as("a composite run step needs shell").isNotBlank();
      }
    }
  }

  @Test
  void the_action_refers_only_to_its_own_inputs_and_steps_and_pastes_none_into_a_script()
      throws IOException {
    JsonNode action = yaml(ACTION);
    Set<String> inputs = names(action.path("inputs"));
    Set<String> stepIds = new HashSet<>();
    action.path("runs").path("steps").forEach(s -> stepIds.add(s.path("id").asText()));
    List<String> unknown = new ArrayList<>();
    for (String expression : expressions(action)) {
      Matcher input = Pattern.compile("inputs\\.([\\w-]+)").matcher(expression);
      while (input.find()) {
        if (!inputs.contains(input.group(1))) {
          unknown.add(expression);
        }
      }
      Matcher step = Pattern.compile("steps\\.([\\w-]+)\\.").matcher(expression);
      while (step.find()) {
        if (!stepIds.contains(step.group(1))) {
          unknown.add(expression);
        }
      }
    }
    assertThat(unknown).as("expressions naming an undeclared input or step").isEmpty();
    for (JsonNode step : action.path("runs").path("steps")) {
      assertThat(step.path("run").asText())
          .as("a script takes values through env, never ${{ }} (script injection)")
          .doesNotContain("${{");
    }
    for (JsonNode output : action.path("outputs")) {
      assertThat(output.path("value").asText()).startsWith("${{");
    }
  }

  @Test
  void the_action_fetches_a_checked_release_or_builds_and_always_uploads_the_results()
      throws IOException {
    JsonNode steps = yaml(ACTION).path("runs").path("steps");
    StringBuilder scripts = new StringBuilder();
    JsonNode upload = null;
    for (JsonNode step : steps) {
      scripts.append(step.path("run").asText()).append('\n');
      if (step.path("uses").asText().startsWith("actions/upload-artifact@")) {
        upload = step;
      }
    }
    assertThat(scripts.toString())
        .contains("releases/download/$VERSION", "sha256sum -c", "--format html", "--junit");
    assertThat(upload).as("an upload-artifact step").isNotNull();
    assertThat(upload.path("if").asText()).startsWith("always()");
    assertThat(upload.path("with").path("path").asText())
        .contains("inputs.db", "inputs.report", "inputs.html", "inputs.junit");
  }

  @Test
  void the_example_workflow_uses_the_action_with_declared_inputs_only() throws IOException {
    JsonNode workflow = yaml(EXAMPLE);
    assertThat(on(workflow).isMissingNode()).as("on:").isFalse();
    Set<String> inputs = names(yaml(ACTION).path("inputs"));
    List<JsonNode> uses = new ArrayList<>();
    for (JsonNode job : workflow.path("jobs")) {
      assertThat(job.path("runs-on").asText()).isNotBlank();
      for (JsonNode step : job.path("steps")) {
        if (step.path("uses").asText().equals("./.github/actions/vis")) {
          uses.add(step);
        }
      }
    }
    assertThat(uses).as("steps using ./.github/actions/vis").hasSize(1);
    assertThat(names(uses.get(0).path("with"))).contains("spec").isSubsetOf(inputs);
  }

  @Test
  void the_release_runs_the_tests_and_attaches_the_jar_and_its_sha256_on_a_tag()
      throws IOException {
    JsonNode release = yaml(RELEASE);
    assertThat(on(release).path("push").path("tags").isArray()).as("on.push.tags").isTrue();
    assertThat(release.path("permissions").path("contents").asText()).isEqualTo("write");
    StringBuilder scripts = new StringBuilder();
    for (JsonNode job : release.path("jobs")) {
      job.path("steps").forEach(s -> scripts.append(s.path("run").asText()).append('\n'));
    }
    assertThat(scripts.toString())
        .contains("./build test", "sha256sum", "gh release create", ".jar.sha256");
    assertThat(scripts.indexOf("./build test")).isLessThan(scripts.indexOf("gh release create"));
  }

  @Test
  void the_matrix_example_runs_workers_of_one_run_on_postgresql_then_reports_it()
      throws IOException {
    JsonNode workflow = yaml(MATRIX);
    assertThat(workflow.path("env").path("RUN_ID").asText()).contains("${{ github.run_id }}");
    JsonNode work = workflow.path("jobs").path("work");
    assertThat(work.path("strategy").path("matrix").path("worker").size()).isGreaterThan(1);
    assertThat(work.path("services").isMissingNode())
        .as("no service container: each job would get a database of its own")
        .isTrue();
    JsonNode step = null;
    for (JsonNode s : work.path("steps")) {
      if (s.path("run").asText().contains("vis run")) {
        step = s;
      }
    }
    assertThat(step).as("the worker's vis run step").isNotNull();
    assertThat(step.path("run").asText()).contains("--run-id \"$RUN_ID\"");
    assertThat(step.path("env").path("VIS_DB").asText()).contains("secrets.");
    assertThat(step.path("env").path("PGPASSWORD").asText()).contains("secrets.");
    JsonNode report = workflow.path("jobs").path("report");
    assertThat(report.path("needs").asText()).isEqualTo("work");
    StringBuilder scripts = new StringBuilder();
    report.path("steps").forEach(s -> scripts.append(s.path("run").asText()));
    assertThat(scripts.toString()).contains("vis report \"$RUN_ID\"");
    assertThat(report.path("env").path("VIS_DB").asText()).contains("secrets.");
  }

  private static JsonNode yaml(Path file) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  /** {@code on:}, which YAML 1.1 readers may take for the boolean {@code true}. */
  private static JsonNode on(JsonNode workflow) {
    return workflow.has("on") ? workflow.path("on") : workflow.path("true");
  }

  private static Set<String> names(JsonNode mapping) {
    Set<String> names = new HashSet<>();
    mapping.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every {@code ${{ … }}} in the document's strings. */
  private static List<String> expressions(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      Matcher m = EXPRESSION.matcher(node.asText());
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    StreamSupport.stream(node.spliterator(), false)
        .forEach(child -> out.addAll(expressions(child)));
    return out;
  }
}
