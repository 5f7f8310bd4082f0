package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs that cannot run are refused with exit 2, a located message, and nothing written. */
class InvalidSpecIT {
  @TempDir Path root;
  JarRunner vis;
  SqliteProbe db;

  @BeforeEach
  void setUp() {
    vis = JarRunner.in(root);
    db = new SqliteProbe(vis.workDir().resolve("vis.db"));
  }

  @Nested
  class ASpecWithAMistake {
    @Test
    void an_unknown_key_is_located_with_a_did_you_mean_and_nothing_is_written() throws IOException {
      write(
          "typo.yaml",
          """
          version: 1
          name: typo
          brands:
            - name: Acme
              alaises: [Acme Inc]
          prompts:
            - id: best
              text: Which CRM is best?
          models:
            - id: sim
              provider: sim
          """);
      JarRunner.Result run = vis.run("run", "typo.yaml");
      assertRefused(run);
      assertThat(run.err())
          .as(run::toString)
          .contains("typo.yaml:5:5:", "brands[0].alaises", "did you mean 'aliases'");
    }

    @Test
    void a_literal_api_key_is_refused_and_nothing_is_written() throws IOException {
      write(
          "secret.yaml",
          """
          version: 1
          name: secret
          brands:
            - name: Acme
          prompts:
            - id: best
              text: Which CRM is best?
          providers:
            openai:
              api_key: sk-not-a-real-key
          models:
            - id: gpt
              provider: openai
              model: gpt-4o-mini
          """);
      JarRunner.Result run = vis.run("run", "secret.yaml");
      assertRefused(run);
      assertThat(run.err())
          .as(run::toString)
          .containsPattern("secret\\.yaml:\\d+:\\d+: providers\\.openai\\.api_key")
          .contains("api_key_env")
          .doesNotContain("sk-not-a-real-key");
    }

    private void assertRefused(JarRunner.Result run) {
      assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
      assertThat(run.out()).as(run::toString).isEmpty();
      assertThat(run.err()).as(run::toString).doesNotContain("Exception", "at dev.vis");
      assertThat(vis.workDir().resolve("vis.db")).as(run::toString).doesNotExist();
    }
  }

  @Nested
  class AMissingApiKey {
    @Test
    void names_the_variable_exits_2_and_records_no_run() throws IOException {
      write(
          "openai.yaml",
          """
          version: 1
          name: keyless
          brands:
            - name: Acme
          prompts:
            - id: best
              text: Which CRM is best?
          models:
            - id: gpt
              provider: openai
              model: gpt-4o-mini
          """);
      JarRunner.Result run = vis.run("run", "openai.yaml");
      assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
      assertThat(run.out()).as(run::toString).isEmpty();
      assertThat(run.err())
          .as(run::toString)
          .contains("OPENAI_API_KEY")
          .doesNotContain("Exception", "at dev.vis");
      if (Files.exists(vis.workDir().resolve("vis.db"))) {
        assertThat(db.number("SELECT count(*) FROM runs")).as(run::toString).isZero();
      }
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(vis.workDir().resolve(name), text);
  }
}
