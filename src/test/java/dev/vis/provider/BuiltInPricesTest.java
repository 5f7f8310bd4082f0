package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.spec.Price;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInPricesTest {
  private static BuiltInPrices read(String yaml) throws IOException {
    return BuiltInPrices.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void the_resource_is_dated_and_is_the_built_in_table() {
    BuiltInPrices loaded = BuiltInPrices.load();

    assertThat(loaded.asOf()).isEqualTo(PriceTable.AS_OF);
    assertThat(loaded.prices()).isEqualTo(PriceTable.builtInEntries()).hasSizeGreaterThan(40);
  }

  @Test
  void keeps_prices_exactly_as_written_and_gives_a_sections_search_fee_to_its_models()
      throws IOException {
    BuiltInPrices prices =
        read(
            """
            as_of: 2025-10-01
            sections:
              - provider: acme
                source: acme.example/pricing
                search_per_1k: 10.00
                prices:
                  a-1: {input: 0.10, output: 0.40}
                  a-2: {input: 1.25, output: 10.00, search_per_1k: 35}
            """);

    assertThat(prices.prices())
        .containsEntry(
            "a-1",
            new Price(
                new BigDecimal("0.10"),
                new BigDecimal("0.40"),
                Optional.of(new BigDecimal("10.00"))))
        .containsEntry(
            "a-2",
            new Price(
                new BigDecimal("1.25"),
                new BigDecimal("10.00"),
                Optional.of(new BigDecimal("35"))));
  }

  @Test
  void refuses_a_model_listed_twice_or_a_section_without_a_source() {
    String twice =
        """
        as_of: 2025-10-01
        sections:
          - {provider: a, source: s, prices: {m: {input: 1, output: 2}}}
          - {provider: b, source: s, prices: {m: {input: 1, output: 2}}}
        """;
    String sourceless =
        """
        as_of: 2025-10-01
        sections:
          - {provider: a, prices: {m: {input: 1, output: 2}}}
        """;

    assertThatThrownBy(() -> read(twice)).hasMessageContaining("m is listed twice");
    assertThatThrownBy(() -> read(sourceless)).hasMessageContaining("a needs a source");
  }
}
