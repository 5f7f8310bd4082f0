package dev.vis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vis.provider.PriceTable;
import dev.vis.spec.RequiredKeys;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes example parses, document by document, and wires what the README promises: an
 * Indexed Job whose workers share one run id (the Job's name) on a PostgreSQL database, the
 * password and provider keys from Secrets with placeholder values, the spec from a ConfigMap.
 */
class KubernetesExamplesTest {
  private static final Path K8S = Path.of("examples/k8s");

  private static final List<JsonNode> DOCUMENTS = new ArrayList<>();

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (documents.hasNext()) {
            DOCUMENTS.add((JsonNode) documents.next());
          }
        }
      }
    }
  }

  @Test
  void every_document_is_a_kubernetes_object_of_a_kind_the_example_needs() {
    assertThat(DOCUMENTS)
        .extracting(d -> d.path("kind").asText())
        .containsExactlyInAnyOrder("ConfigMap", "Job", "Secret", "Secret");
    for (JsonNode d : DOCUMENTS) {
      assertThat(d.path("apiVersion").asText()).as(d.toString()).isIn("v1", "batch/v1");
      assertThat(d.path("metadata").path("name").asText()).as(d.toString()).isNotBlank();
    }
  }

  @Test
  void the_job_is_indexed_and_its_workers_take_the_run_id_from_its_name() {
    JsonNode job = one("Job");
    JsonNode spec = job.path("spec");
    assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
    assertThat(spec.path("completions").asInt()).isGreaterThan(1);
    assertThat(spec.path("parallelism").asInt()).isEqualTo(spec.path("completions").asInt());
    assertThat(job.path("metadata").path("name").asText())
        .as("the Job's name is the run id")
        .matches("[A-Za-z0-9_-]{4,64}");

    JsonNode container = container(job);
    List<String> args = texts(container.path("args"));
    assertThat(args).startsWith("run").containsSubsequence("--run-id", "$(RUN_ID)");
    assertThat(args.get(args.indexOf("--run-id") + 1)).isEqualTo("$(RUN_ID)");
    assertThat(args.get(args.indexOf("--db") + 1)).isEqualTo("$(VIS_DB)");
    Map<String, JsonNode> env = env(container);
    assertThat(env.get("RUN_ID").path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .isEqualTo("metadata.labels['batch.kubernetes.io/job-name']");
    assertThat(env.get("VIS_DB").path("value").asText()).startsWith("postgresql://");
    assertThat(env.get("VIS_DB").path("value").asText())
        .as("no password in the URL")
        .doesNotContainPattern("//[^/@]*:[^/@]*@");
  }

  @Test
  void the_password_and_the_provider_keys_come_from_the_secrets_with_placeholder_values() {
    JsonNode container = container(one("Job"));
    JsonNode password = env(container).get("PGPASSWORD").path("valueFrom").path("secretKeyRef");
    JsonNode postgres = named("Secret", password.path("name").asText());
    assertThat(postgres.path("stringData").path(password.path("key").asText()).asText())
        .startsWith("REPLACE-ME");

    String keys = container.path("envFrom").path(0).path("secretRef").path("name").asText();
    JsonNode providerKeys = named("Secret", keys);
    assertThat(providerKeys.path("stringData").size()).isPositive();
    providerKeys.path("stringData").forEach(v -> assertThat(v.asText()).startsWith("REPLACE-ME"));
  }

  @Test
  void the_spec_in_the_config_map_is_mounted_where_the_workers_read_it_and_loads(@TempDir Path dir)
      throws IOException {
    JsonNode job = one("Job");
    JsonNode pod = job.path("spec").path("template").path("spec");
    JsonNode container = container(job);
    String specPath = texts(container.path("args")).get(1);
    JsonNode mount = null;
    for (JsonNode m : container.path("volumeMounts")) {
      if (specPath.startsWith(m.path("mountPath").asText() + "/")) {
        mount = m;
      }
    }
    assertThat(mount).as("a volume mounted above " + specPath).isNotNull();
    String volumeName = mount.path("name").asText();
    String configMap = null;
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals(volumeName)) {
        configMap = v.path("configMap").path("name").asText();
      }
    }
    String key = specPath.substring(mount.path("mountPath").asText().length() + 1);
    String text = named("ConfigMap", configMap).path("data").path(key).asText();
    assertThat(text).as("the ConfigMap's " + key).isNotBlank();

    Path file = Files.writeString(dir.resolve(key), text);
    Map<String, String> keys = new HashMap<>();
    named("Secret", container.path("envFrom").path(0).path("secretRef").path("name").asText())
        .path("stringData")
        .fieldNames()
        .forEachRemaining(k -> keys.put(k, "test-key-0123456789"));
    PriceTable prices = PriceTable.builtIn();
    RunSpec spec =
        SpecLoader.load(file, keys, m -> prices.find(m.id(), m.model()).isPresent()).spec();
    assertThat(RequiredKeys.missing(spec, keys)).as("keys the provider Secret lacks").isEmpty();
  }

  private static JsonNode one(String kind) {
    List<JsonNode> found =
        DOCUMENTS.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.getFirst();
  }

  private static JsonNode named(String kind, String name) {
    return DOCUMENTS.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  private static JsonNode container(JsonNode job) {
    JsonNode containers = job.path("spec").path("template").path("spec").path("containers");
    assertThat(containers.size()).isEqualTo(1);
    return containers.path(0);
  }

  private static Map<String, JsonNode> env(JsonNode container) {
    Map<String, JsonNode> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    return env;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }
}
