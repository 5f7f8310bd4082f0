package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the optional fields of a provider's JSON the same way in every wire format. */
final class JsonFields {
  private JsonFields() {}

  /** A string field: present only when a non-empty string. */
  static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  /** A count (tokens, searches): present only when a number that is not negative. */
  static OptionalLong count(JsonNode node) {
    return node.isNumber() && node.canConvertToLong() && node.asLong() >= 0
        ? OptionalLong.of(node.asLong())
        : OptionalLong.empty();
  }
}
