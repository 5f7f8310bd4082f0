package dev.vis.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vis.spec.Price;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in price table as the resource {@code prices.yaml} beside this class states it: the day
 * its prices were checked, and per provider section a source note and the models' prices.
 *
 * @param asOf the day the built-in prices were checked against the providers' price pages
 * @param prices by model name, in the file's order
 */
record BuiltInPrices(LocalDate asOf, Map<String, Price> prices) {
  static final String RESOURCE = "prices.yaml";

  BuiltInPrices {
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** The table in the resource; a resource that does not read is a build error, so it throws. */
  static BuiltInPrices load() {
    try (InputStream in = BuiltInPrices.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in prices " + RESOURCE, e);
    }
  }

  /**
   * Reads a price file; a section without a source, a price missing or listed twice is an error.
   */
  static BuiltInPrices read(InputStream in) throws IOException {
    File file = YAMLMapper.builder().build().readValue(in, File.class);
    Map<String, Price> prices = new LinkedHashMap<>();
    for (Section section : file.sections()) {
      if (section.source() == null || section.source().isBlank()) {
        throw new IllegalStateException(
            RESOURCE + ": the section " + section.provider() + " needs a source");
      }
      section
          .prices()
          .forEach(
              (model, entry) -> {
                BigDecimal fee =
                    entry.searchPer1k() != null ? entry.searchPer1k() : section.searchPer1k();
                if (entry.input() == null || entry.output() == null) {
                  throw new IllegalStateException(
                      RESOURCE + ": " + model + " needs input and output");
                }
                Price price = new Price(entry.input(), entry.output(), Optional.ofNullable(fee));
                if (prices.put(model, price) != null) {
                  throw new IllegalStateException(RESOURCE + ": " + model + " is listed twice");
                }
              });
    }
    return new BuiltInPrices(LocalDate.parse(file.asOf()), prices);
  }

  private record File(@JsonProperty("as_of") String asOf, List<Section> sections) {}

  /** One provider's prices: where they come from, and a search fee its models share. */
  private record Section(
      String provider,
      String source,
      String note,
      @JsonProperty("search_per_1k") BigDecimal searchPer1k,
      Map<String, Entry> prices) {}

  private record Entry(
      BigDecimal input, BigDecimal output, @JsonProperty("search_per_1k") BigDecimal searchPer1k) {}
}
