package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.provider.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis explain}: what counts for a brand in each answer, and what does not and why. */
class ExplainCommandTest {
  static final String ANSWER =
      "Acme is my pick. Skip the Acme Anvil. Docs: https://acme.com/acme and"
          + " [acme.com](https://acme.com/plans).\n\n1. Globex\n2. Acme CRM";

  @AutoClose
  final FakeOpenAiServer server =
      FakeOpenAiServer.start().defaultReply(FakeOpenAiServer.completion(ANSWER));

  CommandHarness vis;

  @BeforeEach
  void runOnce(@TempDir Path dir) throws Exception {
    vis = new CommandHarness(dir);
    Path spec =
        Files.writeString(
            dir.resolve("explain.yaml"),
            """
        version: 1
        name: explain
        brands:
          - name: Acme CRM
            aliases: [Acme]
            exclude: [Acme Anvil]
            domains: [acme.com]
          - name: Globex
        prompts:
          - {id: best-crm, text: "What is the best CRM?"}
          - {id: cheap-crm, text: "Which CRM is cheapest?"}
        models:
          - {id: local, provider: openai-compatible, base_url: %s, model: llama3.1}
        samples: 1
        """
                .formatted(server.baseUrl()));
    assertThat(vis.run("run", spec.toString(), "--quiet").exitCode()).isZero();
  }

  @Test
  void shows_an_alias_match_an_exclude_suppression_and_a_skipped_url_and_chip_in_one_answer() {
    CommandHarness.Result explain =
        vis.run("explain", "latest", "--brand", "acme crm", "--prompt", "best-crm");

    assertThat(explain.exitCode()).as(explain::toString).isZero();
    List<String> lines = explain.out().lines().toList();
    // the task's number follows the run's seeded call order, which differs from run to run
    assertThat(lines.get(0))
        .as(explain::toString)
        .matches("task \\d+  prompt best-crm  model local  sample 1");
    assertThat(lines.subList(1, lines.size()))
        .as(explain::toString)
        .containsExactly(
            "  counts   @0      \"Acme\"                       alias   no list",
            "  counts   @120    \"Acme CRM\"                   name    list 1, rank 2",
            "  ignored  @26     \"Acme\"                       exclude in \"Acme Anvil\"",
            "  ignored  @52     \"acme.com/acme\"              url     in \"https://acme.com/acme\"",
            "  ignored  @71     \"acme.com\"                   chip    in"
                + " \"[acme.com](https://acme.com/plans)\"",
            "  ignored  @89     \"acme.com/plans\"             url     in"
                + " \"https://acme.com/plans\"");
    assertThat(explain.err()).contains("1 of 1 answers have a stretch that counts for Acme CRM");
  }

  @Test
  void an_unknown_format_is_refused_in_the_words_of_every_fixed_value_option() {
    vis.run("explain", "latest", "--brand", "Acme CRM", "--format", "yaml")
        .assertExit(2, "vis: --format: unknown value 'yaml' (expected one of text|json)");
  }

  @Test
  void json_gives_tools_every_stretch_with_its_rule_or_reason() throws Exception {
    CommandHarness.Result explain =
        vis.run("explain", "--brand", "Acme CRM", "--model", "local", "--format", "json");

    assertThat(explain.exitCode()).as(explain::toString).isZero();
    JsonNode doc = new ObjectMapper().readTree(explain.out());
    assertThat(doc.path("schema").asText()).isEqualTo("vis.explain/1");
    assertThat(doc.path("brand").asText()).isEqualTo("Acme CRM");
    assertThat(doc.path("answers")).hasSize(2);
    JsonNode first = doc.path("answers").path(0);
    assertThat(first.path("counted").path(1).toString())
        .isEqualTo(
            "{\"offset\":120,\"text\":\"Acme CRM\",\"rule\":\"name\",\"list\":1,\"rank\":2}");
    assertThat(first.path("counted").path(0).path("list").isNull()).isTrue();
    assertThat(first.path("ignored").findValuesAsText("reason"))
        .containsExactly("exclude", "url", "chip", "url");
  }

  @Test
  void an_unknown_brand_exits_2_naming_the_runs_brands() {
    CommandHarness.Result explain = vis.run("explain", "--brand", "Initech");

    assertThat(explain.exitCode()).as(explain::toString).isEqualTo(2);
    assertThat(explain.err())
        .contains("--brand: the run has no brand 'Initech' (it has: Acme CRM, Globex)");
    assertThat(explain.out()).isEmpty();
  }

  @Test
  void an_unknown_prompt_exits_2() {
    CommandHarness.Result explain = vis.run("explain", "--brand", "Globex", "--prompt", "nope");

    assertThat(explain.exitCode()).as(explain::toString).isEqualTo(2);
    assertThat(explain.err())
        .contains("--prompt: the run has no prompt 'nope' (it has: best-crm, cheap-crm)");
  }
}
