package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpansionTest {

  @Test
  void replaces_each_reference_with_its_variable() {
    assertThat(EnvExpansion.expand("Bearer ${A}-${B}", Map.of("A", "x", "B", "y"), "h"))
        .isEqualTo("Bearer x-y");
  }

  @Test
  void writes_a_literal_dollar_brace_for_a_doubled_dollar() {
    assertThat(EnvExpansion.expand("$${A} ${A}", Map.of("A", "x"), "h")).isEqualTo("${A} x");
  }

  @Test
  void leaves_values_without_references_alone_even_with_dollar_signs() {
    assertThat(EnvExpansion.expand("cost $5 {x}", Map.of(), "h")).isEqualTo("cost $5 {x}");
  }

  @Test
  void names_an_undefined_variable_and_where_it_was_used() {
    assertThatThrownBy(
            () -> EnvExpansion.expand("${MISSING}", Map.of(), "providers.router.headers.X-Key"))
        .isInstanceOf(VisException.class)
        .hasMessage("providers.router.headers.X-Key: environment variable MISSING is not set");
  }

  @Test
  void refuses_a_reference_that_is_not_a_variable_name() {
    assertThatThrownBy(() -> EnvExpansion.expand("${not valid}", Map.of(), "h"))
        .isInstanceOf(VisException.class);
  }
}
