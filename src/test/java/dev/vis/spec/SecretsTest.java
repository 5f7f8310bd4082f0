package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path dir;

  /** A spec whose one model reads a key, a header and a URL variable from the environment. */
  private static final String SPEC =
      """
      version: 1
      brands:
        - name: Acme
      prompts:
        - id: p1
          text: "Hello ${GREETING}?"
      models:
        - id: routed
          provider: router
          model: llama3.1
      providers:
        router:
          type: openai-compatible
          base_url: "http://127.0.0.1:8080/${URL_KEY}/v1"
          api_key_env: ROUTER_KEY
          headers: {X-Org: "org ${ORG_ID}", X-Title: vis}
      """;

  private Secrets collected(Map<String, String> env) {
    Secrets secrets = new Secrets();
    secrets.collect(new SpecFixture(dir).load(SPEC, env), env);
    return secrets;
  }

  private static Map<String, String> env(String key, String org, String url) {
    return Map.of("ROUTER_KEY", key, "ORG_ID", org, "URL_KEY", url, "GREETING", "greeting-text");
  }

  @Nested
  class Collecting {
    @Test
    void takes_the_key_the_header_variables_and_the_url_variables_of_every_model() {
      Secrets secrets = collected(env("key-value-1", "org-value-2", "url-value-3"));

      assertThat(secrets.redact("key-value-1 org-value-2 url-value-3")).isEqualTo("*** *** ***");
    }

    @Test
    void leaves_variables_read_for_anything_else_alone() {
      Secrets secrets = collected(env("key-value-1", "org-value-2", "url-value-3"));

      assertThat(secrets.redact("a greeting-text and the title vis"))
          .isEqualTo("a greeting-text and the title vis");
    }

    @Test
    void takes_a_key_without_the_whitespace_around_it_as_it_is_sent() {
      // a key read from a file usually ends with a newline: it is stripped, not refused
      Secrets secrets = collected(env(" key-value-1\n", "org-value-2", "url-value-3"));

      assertThat(secrets.redact("Incorrect API key: key-value-1."))
          .isEqualTo("Incorrect API key: ***.");
    }

    @Test
    void refuses_a_value_holding_a_line_break_naming_the_variable_never_the_value() {
      for (String bad : List.of("org\nvalue-2", "org\rvalue-2", "org\tvalue-2", "org\u2028value")) {
        Secrets secrets = new Secrets();
        Map<String, String> env = env("key-value-1", bad, "url-value-3");
        RunSpec spec = new SpecFixture(dir).load(SPEC, env);

        VisException e = catchThrowableOfType(VisException.class, () -> secrets.collect(spec, env));

        assertThat(e).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage())
            .startsWith("environment variable ORG_ID holds a line break or another control")
            .doesNotContain("org", "value-2");
        assertThat(secrets.isEmpty()).as("nothing is collected from a refused spec").isTrue();
      }
    }

    @Test
    void names_every_refused_variable_at_once() {
      Secrets secrets = new Secrets();
      Map<String, String> env = env("key\nvalue", "org\nvalue", "url-value-3");
      RunSpec spec = new SpecFixture(dir).load(SPEC, env);

      VisException e = catchThrowableOfType(VisException.class, () -> secrets.collect(spec, env));

      assertThat(e.getMessage()).startsWith("environment variables ROUTER_KEY, ORG_ID hold");
    }

    @Test
    void refuses_a_url_variable_holding_a_line_break_where_the_spec_names_it() {
      List<String> problems =
          new SpecFixture(dir).problems(SPEC, env("key-value-1", "org-value-2", "url\nvalue"));

      assertThat(problems)
          .singleElement()
          .asString()
          .contains("providers.router.base_url", "environment variable URL_KEY holds a line break")
          .doesNotContain("url\nvalue");
    }
  }

  @Nested
  class Redacting {
    @Test
    void replaces_the_longest_secret_first_so_no_tail_of_it_is_left() {
      Secrets secrets = new Secrets();
      secrets.add(List.of("abcdef123", "abcdef123456"));

      assertThat(secrets.redact("x abcdef123456 y abcdef123")).isEqualTo("x *** y ***");
    }

    @Test
    void replaces_the_bare_token_of_an_authorization_value() {
      Secrets secrets = new Secrets();
      secrets.add(List.of("Bearer tok-123456", "basic dXNlcjpwYXNz"));

      assertThat(secrets.redact("unknown token tok-123456; Bearer tok-123456; dXNlcjpwYXNz"))
          .isEqualTo("unknown token ***; ***; ***");
    }

    @Test
    void replaces_the_forms_a_server_echoes_a_secret_in() {
      Secrets secrets = new Secrets();
      secrets.add(List.of("ab/cd+ef=="));

      assertThat(
              secrets.redact("{\"path\": \"/v1/ab%2Fcd%2Bef%3D%3D\", \"key\": \"ab\\/cd+ef==\"}"))
          .isEqualTo("{\"path\": \"/v1/***\", \"key\": \"***\"}");
    }

    @Test
    void leaves_values_shorter_than_six_characters_alone_so_ordinary_text_survives() {
      // a port or a short word as a secret: blanking it would rewrite answers and their mentions
      Secrets secrets = new Secrets();
      secrets.add(List.of("8080", "prod", "Acme", "ab1234"));

      assertThat(secrets.redact("Acme runs prod on port 8080 with ab1234"))
          .isEqualTo("Acme runs prod on port 8080 with ***");
    }

    @Test
    void ignores_an_empty_value_instead_of_masking_between_every_character() {
      Secrets secrets = new Secrets();
      secrets.add(List.of("", " "));

      assertThat(secrets.isEmpty()).isTrue();
      assertThat(secrets.redact("text stays")).isEqualTo("text stays");
    }

    @Test
    void keeps_what_it_collected_for_the_whole_process() {
      Secrets secrets = new Secrets();
      secrets.add(List.of("first-secret"));
      secrets.add(List.of("second-secret"));

      assertThat(secrets.redact("first-secret second-secret")).isEqualTo("*** ***");
    }
  }
}
