package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseUrlTest {
  @TempDir Path dir;

  private static String spec(String baseUrl) {
    return SpecFixture.MINIMAL
        + """
          - id: keyed
            provider: openai-compatible
            model: llama3.1
            base_url: "%s"
        """
            .formatted(baseUrl);
  }

  @Test
  void a_spec_keeps_a_base_url_as_written_with_its_variables_unexpanded() {
    RunSpec run =
        new SpecFixture(dir)
            .load(spec("http://127.0.0.1:8080/${URL_KEY}/v1"), Map.of("URL_KEY", "uk-123456"));

    assertThat(run.models().get(1).baseUrl())
        .hasValue(new BaseUrl("http://127.0.0.1:8080/${URL_KEY}/v1"));
  }

  @Test
  void spec_errors_show_the_url_as_written_never_a_variable_value() {
    SpecFixture fixture = new SpecFixture(dir);

    assertThat(
            fixture.problems(
                spec("http://127.0.0.1:8080/${URL_KEY}/v1"), Map.of("URL_KEY", "uk 123456")))
        .singleElement()
        .asString()
        .contains("malformed URL 'http://127.0.0.1:8080/${URL_KEY}/v1'")
        .doesNotContain("uk 123456");
    assertThat(fixture.problems(spec("http://lan.example/${URL_KEY}/v1"), Map.of("URL_KEY", "uk")))
        .singleElement()
        .asString()
        .contains("http://lan.example/${URL_KEY}/v1 is not on this machine");
  }

  @Test
  void resolves_its_variables_only_when_asked_for_the_address_to_call() {
    BaseUrl url = new BaseUrl("http://127.0.0.1:8080/${URL_KEY}/v1");

    assertThat(url.variables()).containsExactly("URL_KEY");
    assertThat(url.resolve(Map.of("URL_KEY", "uk-123456"), "model 'keyed'"))
        .isEqualTo(URI.create("http://127.0.0.1:8080/uk-123456/v1"));
    assertThat(url).hasToString("http://127.0.0.1:8080/${URL_KEY}/v1");
  }

  @Test
  void resolving_names_the_variable_and_the_url_as_written_never_the_value() {
    BaseUrl url = new BaseUrl("http://127.0.0.1:8080/${URL_KEY}/v1");

    VisException unset =
        catchThrowableOfType(VisException.class, () -> url.resolve(Map.of(), "model 'keyed'"));
    VisException malformed =
        catchThrowableOfType(
            VisException.class, () -> url.resolve(Map.of("URL_KEY", "uk 12 34"), "model 'keyed'"));

    assertThat(unset.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unset.getMessage())
        .isEqualTo(
            "model 'keyed': base_url http://127.0.0.1:8080/${URL_KEY}/v1: environment variable"
                + " URL_KEY is not set");
    assertThat(malformed.getMessage())
        .contains("http://127.0.0.1:8080/${URL_KEY}/v1 is not a valid URL")
        .doesNotContain("uk 12 34");
  }

  @Test
  void is_on_this_machine_only_when_its_host_is_written_out() {
    // the stored run cannot know the host a later session's variable holds: it counts as remote
    assertThat(new BaseUrl("http://127.0.0.1:8080/${URL_KEY}/v1").isLoopback()).isTrue();
    assertThat(new BaseUrl("http://user:${PASSWORD}@localhost:11434/v1").isLoopback()).isTrue();
    assertThat(new BaseUrl("http://${OLLAMA_HOST}:11434/v1").isLoopback()).isFalse();
    assertThat(new BaseUrl("https://api.openai.com/v1").isLoopback()).isFalse();
  }
}
