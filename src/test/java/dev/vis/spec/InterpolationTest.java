package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationTest {
  @TempDir Path dir;

  @Nested
  class Expanding {
    private final List<String> errors = new ArrayList<>();

    @Test
    void replaces_each_reference_and_keeps_the_rest() {
      assertThat(Interpolation.expand("a ${X}-${Y} $5 $x", Map.of("X", "1", "Y", ""), errors))
          .isEqualTo("a 1- $5 $x");
      assertThat(errors).isEmpty();
    }

    @Test
    void writes_a_literal_for_a_doubled_dollar() {
      assertThat(Interpolation.expand("$${X} ${X}", Map.of("X", "1"), errors)).isEqualTo("${X} 1");
    }

    @Test
    void reports_an_unterminated_reference() {
      Interpolation.expand("cost ${BUDGET", Map.of(), errors);

      assertThat(errors).containsExactly("unterminated ${ (write $${ for a literal ${)");
    }

    @Test
    void reports_a_malformed_name() {
      Interpolation.expand("${1X}", Map.of(), errors);

      assertThat(errors)
          .containsExactly("'${1X}' is not a valid variable reference (write ${NAME})");
    }
  }

  @Test
  void lists_the_variables_a_text_refers_to_but_not_a_literal_one() {
    assertThat(Interpolation.references("${A}/$${B}/${C}x${A} $x ${1X}"))
        .containsExactly("A", "C", "A");
  }

  @Nested
  class InASpec {
    @Test
    void an_undefined_variable_is_located_and_named() {
      assertThat(
              new SpecFixture(dir)
                  .problems(SpecFixture.MINIMAL + "budget:\n  max_usd: ${BUDGET}\n"))
          .containsExactly(
              "spec.yaml:11:3: budget.max_usd: environment variable BUDGET is not set");
    }

    @Test
    void an_unquoted_reference_in_flow_syntax_gets_a_hint() {
      assertThat(
              new SpecFixture(dir).problems(SpecFixture.MINIMAL + "budget: {max_usd: ${BUDGET}}\n"))
          .containsExactly(
              """
              spec.yaml:10:20: invalid YAML: expected ',' or '}', but got { (quote values that \
              hold ${…} inside [ ] or { })
                10 | budget: {max_usd: ${BUDGET}}
                   |                    ^""");
    }

    /**
     * The problems of MINIMAL with a provider {@code router}, {@code headers} (YAML) its last
     * lines.
     */
    private List<String> problemsWithRouterHeaders(String headers) {
      String yaml =
          SpecFixture.MINIMAL
              + """
              providers:
                router:
                  type: openai-compatible
                  base_url: http://127.0.0.1:8080/v1
              """
              + headers.indent(4);
      return new SpecFixture(dir).problems(yaml);
    }

    @Test
    void header_variables_must_exist_though_they_stay_unexpanded() {
      assertThat(problemsWithRouterHeaders("headers:\n  Authorization: Bearer ${ROUTER_KEY}"))
          .containsExactly(
              "spec.yaml:15:7: providers.router.headers.Authorization: environment variable"
                  + " ROUTER_KEY is not set");
    }

    @Test
    void a_secret_header_written_in_clear_is_refused() {
      assertThat(problemsWithRouterHeaders("headers: {X-Api-Key: abc123}"))
          .containsExactly(
              "spec.yaml:14:15: providers.router.headers.X-Api-Key: secrets do not belong in a"
                  + " spec; take the value from the environment, like X-Api-Key: Bearer"
                  + " ${ROUTER_API_KEY}");
    }
  }
}
