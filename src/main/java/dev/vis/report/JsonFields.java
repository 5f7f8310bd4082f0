package dev.vis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from a JSON report read back as a baseline; a missing or mistyped field throws a
 * {@link BadReportException} naming it.
 */
final class JsonFields {
  private JsonFields() {}

  static JsonNode object(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isObject()) {
      throw new BadReportException("'" + name + "' is missing or not an object");
    }
    return v;
  }

  static JsonNode array(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isArray()) {
      throw new BadReportException("'" + name + "' is missing or not an array");
    }
    return v;
  }

  static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw new BadReportException("'" + name + "' is missing or not a string");
    }
    return v.asText();
  }

  static boolean bool(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isBoolean()) {
      throw new BadReportException("'" + name + "' is missing or not true/false");
    }
    return v.asBoolean();
  }

  static long count(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
      throw new BadReportException("'" + name + "' is missing or not a count");
    }
    return v.asLong();
  }

  static List<String> strings(JsonNode node, String name) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : array(node, name)) {
      if (!v.isTextual()) {
        throw new BadReportException("'" + name + "' holds a value that is not a string");
      }
      values.add(v.asText());
    }
    return values;
  }

  /** A field of a JSON report is missing or has the wrong type. */
  static final class BadReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadReportException(String message) {
      super(message);
    }
  }
}
