package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTreeTest {
  @TempDir Path dir;

  private SpecFixture fixture() {
    return new SpecFixture(dir);
  }

  @Nested
  class Refuses {
    @Test
    void anchors_and_aliases_where_they_are_written() {
      String yaml =
          """
          version: 1
          brands:
            - &acme {name: Acme}
          prompts: [{id: p1, text: Hi}]
          models: [{id: offline, provider: sim}]
          extra: *acme
          """;

      assertThat(fixture().problems(yaml))
          .containsExactly(
              "spec.yaml:3:5: YAML anchors (&acme) are not allowed; write the value out",
              "spec.yaml:6:8: YAML aliases (*acme) are not allowed; write the value out");
    }

    @Test
    void a_billion_laughs_alias_bomb_before_expanding_it() {
      StringBuilder bomb =
          new StringBuilder(
              "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      for (char c = 'b'; c <= 'i'; c++) {
        char p = (char) (c - 1);
        bomb.append(c).append(": &").append(c).append(" [*").append(p);
        bomb.append((",*" + p).repeat(8)).append("]\n");
      }

      assertThat(fixture().problems(bomb.toString()))
          .containsExactly(
              "spec.yaml:1:4: YAML anchors (&a) are not allowed; write the value out (9 anchors"
                  + " in this file)",
              "spec.yaml:2:8: YAML aliases (*a) are not allowed; write the value out (72 aliases"
                  + " in this file)");
    }

    @Test
    void merge_keys() {
      String yaml =
          SpecFixture.MINIMAL
              + """
              retry:
                <<: {max_attempts: 2}
              """;

      assertThat(fixture().problems(yaml))
          .containsExactly(
              "spec.yaml:11:3: retry.<<: YAML merge keys (<<) are not allowed; write the fields"
                  + " out");
    }

    @Test
    void a_duplicate_key_at_its_second_occurrence() {
      String yaml = SpecFixture.MINIMAL + "samples: 3\nsamples: 4\n";

      assertThat(fixture().problems(yaml))
          .containsExactly("spec.yaml:11:1: samples: duplicate key 'samples' (first at line 10)");
    }

    @Test
    void a_literal_api_key_anywhere() {
      String yaml =
          SpecFixture.MINIMAL
              + """
              providers:
                openai:
                  api_key: sk-123
              """;

      assertThat(fixture().problems(yaml))
          .containsExactly(
              "spec.yaml:12:5: providers.openai.api_key: secrets do not belong in a spec; write"
                  + " api_key_env: with the name of the environment variable that holds the key"
                  + " (by convention <PROVIDER>_API_KEY, e.g. OPENAI_API_KEY)");
    }

    @Test
    void custom_tags() {
      assertThat(fixture().problems(SpecFixture.MINIMAL + "samples: !shout 3\n"))
          .containsExactly("spec.yaml:10:10: YAML tag !shout is not supported");
    }

    @Test
    void an_empty_file() {
      assertThat(fixture().problems("# nothing yet\n"))
          .containsExactly(
              "spec.yaml: the file is empty; a spec needs version, brands, prompts and models");
    }

    @Test
    void a_top_level_that_is_not_a_mapping() {
      assertThat(fixture().problems("- version: 1\n"))
          .containsExactly(
              "spec.yaml:1:1: the top level must be a mapping of fields (version: 1, brands:,"
                  + " prompts:, models: …)");
    }

    @Test
    void invalid_yaml_with_its_position() {
      assertThat(fixture().problems("version: 1\nbrands: [a\n"))
          .containsExactly(
              """
              spec.yaml:2:9: this [ list is never closed before the end of the file
                2 | brands: [a
                  |         ^
                hint: close it with ], or quote the values inside that hold [ ] { } or ${…}""");
    }

    @Test
    void several_documents() {
      assertThat(fixture().problems(SpecFixture.MINIMAL + "---\nversion: 1\n"))
          .containsExactly(
              """
              spec.yaml:10:1: invalid YAML: expected a single document in the stream, but found \
              another document
                10 | ---
                   | ^""");
    }
  }
}
