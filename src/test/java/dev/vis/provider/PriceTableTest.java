package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private static Price price(String input, String output) {
    return new Price(new BigDecimal(input), new BigDecimal(output));
  }

  private static Price price(String input, String output, String searchPer1k) {
    return new Price(
        new BigDecimal(input), new BigDecimal(output), Optional.of(new BigDecimal(searchPer1k)));
  }

  @Nested
  class BuiltIn {
    @Test
    void has_no_price_off_by_a_factor_of_a_thousand() {
      BigDecimal min = new BigDecimal("0.01");
      PriceTable.builtInEntries()
          .forEach(
              (model, p) -> {
                assertThat(p.input()).as("%s input", model).isBetween(min, new BigDecimal("100"));
                assertThat(p.output()).as("%s output", model).isBetween(min, new BigDecimal("200"));
                assertThat(p.output())
                    .as("%s output >= input", model)
                    .isGreaterThanOrEqualTo(p.input());
              });
    }

    @Test
    void prices_the_current_openai_models() {
      PriceTable table = PriceTable.builtIn();
      assertThat(table.find("a", "gpt-4o")).contains(price("2.50", "10.00", "10.00"));
      assertThat(table.find("a", "gpt-4o-mini")).contains(price("0.15", "0.60", "10.00"));
      assertThat(table.find("a", "gpt-4.1-nano")).contains(price("0.10", "0.40"));
      assertThat(table.find("a", "o4-mini")).contains(price("1.10", "4.40", "10.00"));
      assertThat(table.find("a", "gpt-5")).contains(price("1.25", "10.00", "10.00"));
      assertThat(table.find("a", "gpt-5-nano")).contains(price("0.05", "0.40", "10.00"));
    }

    @Test
    void prices_xai_models_with_the_web_search_fee() {
      PriceTable table = PriceTable.builtIn();
      assertThat(table.find("a", "grok-4")).contains(price("3.00", "15.00", "5.00"));
      assertThat(table.find("a", "grok-4-fast-reasoning")).contains(price("0.20", "0.50", "5.00"));
      assertThat(table.find("a", "grok-3-mini")).contains(price("0.30", "0.50", "5.00"));
    }

    @Test
    void charges_searches_per_thousand() {
      assertThat(PriceTable.cost(PriceTable.builtIn().find("a", "gpt-4o"), 0, 0, 3))
          .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.03"));
    }

    @Test
    void is_dated() {
      assertThat(PriceTable.AS_OF).isNotNull();
    }
  }

  @Nested
  class Lookup {
    private final PriceTable table = PriceTable.builtIn();

    @Test
    void finds_by_model_name_without_a_date_suffix() {
      assertThat(table.find("mini", "gpt-4o-mini-2024-07-18"))
          .contains(price("0.15", "0.60", "10.00"));
    }

    @Test
    void prefers_an_exact_dated_name_to_the_undated_one() {
      assertThat(table.find("old", "gpt-4o-2024-05-13")).contains(price("5.00", "15.00"));
    }

    @Test
    void never_finds_by_prefix() {
      assertThat(table.find("x", "gpt-4o-mini-search-preview")).isEmpty();
      assertThat(table.find("x", "gpt-4")).isEmpty();
      assertThat(table.find("x", "llama3.1")).isEmpty();
    }

    @Test
    void finds_by_model_id_first() {
      assertThat(table.find("gpt-4.1", "openai/gpt-4.1")).contains(price("2.00", "8.00", "10.00"));
    }

    @Test
    void lets_overrides_win_over_the_built_in_table_at_every_step() {
      PriceTable overridden =
          table.withOverrides(Map.of("gpt-4o-mini", price("1", "2"), "fast", price("3", "4")));

      assertThat(overridden.find("any", "gpt-4o-mini")).contains(price("1", "2"));
      assertThat(overridden.find("fast", "gpt-4o")).contains(price("3", "4"));
      assertThat(overridden.find("gpt-4o", "gpt-4o-mini-2024-07-18")).contains(price("1", "2"));
      assertThat(table.find("any", "gpt-4o-mini")).contains(price("0.15", "0.60", "10.00"));
    }

    @Test
    void prices_a_local_model_only_when_overridden() {
      assertThat(
              table
                  .withOverrides(Map.of("llama3.1", price("0.01", "0.01")))
                  .find("local", "llama3.1"))
          .isPresent();
    }
  }

  @Nested
  class Cost {
    @Test
    void is_tokens_times_price_per_million_exactly() {
      assertThat(PriceTable.cost(Optional.of(price("0.15", "0.60")), 1_000, 500))
          .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00045"));
    }

    @Test
    void is_empty_without_a_price() {
      assertThat(PriceTable.cost(Optional.empty(), 1_000, 500)).isEmpty();
    }

    @Test
    void refuses_negative_token_counts() {
      assertThatThrownBy(() -> PriceTable.cost(Optional.of(price("1", "1")), -1, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
