package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GitHub files are what GitHub accepts: the composite action and every workflow (the release
 * workflow and the example that uses the action) validate against SchemaStore's JSON schemas,
 * vendored under {@code src/test/resources/schemastore} ({@code actionlint} is not installed here);
 * and they hold together: expressions name declared inputs and steps, the example passes declared
 * inputs, the release tests before it publishes.
 */
class WorkflowFilesTest {
  private static final Path ACTION = Path.of(".github/actions/vis/action.yml");
  private static final Path EXAMPLE = Path.of("examples/github-actions.yml");
  private static final Path RELEASE = Path.of(".github/workflows/release.yml");
  private static final String ACTION_SCHEMA = "/schemastore/github-action.json";
  private static final String WORKFLOW_SCHEMA = "/schemastore/github-workflow.json";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

  @Test
  void the_action_is_valid_against_the_action_schema() throws IOException {
    assertThat(violations(ACTION_SCHEMA, Files.readString(ACTION)))
        .as("%s against SchemaStore's github-action.json", ACTION)
        .isEmpty();
  }

  /** Every workflow of this repository, and the example users copy into theirs. */
  static List<Path> workflows() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(Path.of(".github/workflows"))) {
      listed.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
    }
    files.add(EXAMPLE);
    return files;
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void each_workflow_is_valid_against_the_workflow_schema(Path workflow) throws IOException {
    assertThat(violations(WORKFLOW_SCHEMA, Files.readString(workflow)))
        .as("%s against SchemaStore's github-workflow.json", workflow)
        .isEmpty();
  }

  @Test
  void the_schemas_reject_a_broken_copy_and_say_where() throws IOException {
    assertThat(workflows()).as("the workflows checked").contains(RELEASE, EXAMPLE);
    String action = Files.readString(ACTION);
    String shellless = action.replaceFirst("\n      shell: bash\n", "\n");
    assertThat(shellless).as("the copy lost a shell").isNotEqualTo(action);
    assertThat(violations(ACTION_SCHEMA, shellless))
        .as("a composite run step without its shell")
        .isNotEmpty()
        .contains("/runs/steps/1: required property 'shell' not found");
    String release = Files.readString(RELEASE);
    String misspelt = release.replace("runs-on:", "runs_on:");
    assertThat(misspelt).as("the copy misspells runs-on").isNotEqualTo(release);
    assertThat(violations(WORKFLOW_SCHEMA, misspelt))
        .as("a job whose runs-on is misspelt")
        .isNotEmpty()
        .contains("/jobs/release: required property 'runs-on' not found");
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

  private static JsonNode yaml(Path file) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  /**
   * What the schema says is wrong with the YAML document, one message each, naming the place
   * ({@code /jobs/release}) and the rule; empty when it is valid. The YAML is read by SnakeYAML
   * (through Jackson) and handed over as JSON, as GitHub reads it.
   */
  private static List<String> violations(String schemaResource, String yaml) throws IOException {
    String json =
        new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    try (InputStream in = WorkflowFilesTest.class.getResourceAsStream(schemaResource)) {
      assertThat(in).as(schemaResource).isNotNull();
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
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
