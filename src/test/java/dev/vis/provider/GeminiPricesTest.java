package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Gemini rows of the built-in price table, grounding fees included. */
class GeminiPricesTest {
  private final PriceTable table = PriceTable.builtIn();

  private static Price price(String input, String output, String searchPer1k) {
    return new Price(
        new BigDecimal(input), new BigDecimal(output), Optional.of(new BigDecimal(searchPer1k)));
  }

  @Test
  void prices_the_gemini_2_models_with_the_fee_per_grounded_prompt() {
    assertThat(table.find("a", "gemini-2.5-pro")).contains(price("1.25", "10.00", "35"));
    assertThat(table.find("a", "gemini-2.5-flash")).contains(price("0.30", "2.50", "35"));
    assertThat(table.find("a", "gemini-2.5-flash-lite")).contains(price("0.10", "0.40", "35"));
    assertThat(table.find("a", "gemini-2.0-flash")).contains(price("0.10", "0.40", "35"));
  }

  @Test
  void prices_the_gemini_3_previews_with_the_fee_per_search_query() {
    assertThat(table.find("a", "gemini-3-pro-preview")).contains(price("2.00", "12.00", "14"));
    assertThat(table.find("a", "gemini-3-flash-preview")).contains(price("0.50", "3.00", "14"));
  }

  @Test
  void never_prices_a_model_by_its_prefix() {
    assertThat(table.find("a", "gemini-2.5-flash-image")).isEmpty();
  }

  @Test
  void costs_a_grounded_answer_with_its_search_fee() {
    Optional<BigDecimal> cost =
        PriceTable.cost(table.find("a", "gemini-2.5-flash"), 1_000_000, 0, 1);

    assertThat(cost).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.335"));
  }
}
