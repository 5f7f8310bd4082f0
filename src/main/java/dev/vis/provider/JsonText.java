package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads an optional string field of a provider's JSON: present only when a non-empty string. */
final class JsonText {
  private JsonText() {}

  static Optional<String> of(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
