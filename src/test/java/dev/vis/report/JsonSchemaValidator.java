package dev.vis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only JSON Schema validator for the keywords {@code docs/report.schema.json} uses: {@code
 * type}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code
 * enum} and {@code minimum}. Any other keyword in a schema is an error, so the schema cannot drift
 * into rules this validator would silently ignore.
 */
public final class JsonSchemaValidator {
  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "title",
          "description",
          "type",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "enum",
          "minimum");

  private final JsonNode schema;

  public JsonSchemaValidator(JsonNode schema) {
    this.schema = schema;
  }

  /** Every violation, as {@code $.path: message}; empty when the document is valid. */
  public List<String> errors(JsonNode document) {
    List<String> errors = new ArrayList<>();
    check(schema, document, "$", errors);
    return errors;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
    if (!schema.isObject()) {
      errors.add(path + ": schema is not an object");
      return;
    }
    Iterator<String> names = schema.fieldNames();
    while (names.hasNext()) {
      String keyword = names.next();
      if (!KEYWORDS.contains(keyword)) {
        errors.add(path + ": unsupported schema keyword '" + keyword + "'");
      }
    }
    JsonNode type = schema.get("type");
    if (type != null && !matchesType(type, value)) {
      errors.add(path + ": expected " + type + ", got " + value.getNodeType());
      return;
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && !contains(allowed, value)) {
      errors.add(path + ": " + value + " is not one of " + allowed);
    }
    JsonNode minimum = schema.get("minimum");
    if (minimum != null
        && value.isNumber()
        && value.decimalValue().compareTo(minimum.decimalValue()) < 0) {
      errors.add(path + ": " + value + " is below the minimum " + minimum);
    }
    if (value.isObject()) {
      object(schema, value, path, errors);
    }
    JsonNode items = schema.get("items");
    if (items != null && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        check(items, value.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private static void object(JsonNode schema, JsonNode value, String path, List<String> errors) {
    JsonNode required = schema.get("required");
    if (required != null) {
      for (JsonNode name : required) {
        if (!value.has(name.asText())) {
          errors.add(path + ": missing required property '" + name.asText() + "'");
        }
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = path + "." + field.getKey();
      JsonNode sub = properties == null ? null : properties.get(field.getKey());
      if (sub != null) {
        check(sub, field.getValue(), child, errors);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        errors.add(child + ": property not allowed");
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), child, errors);
      }
    }
  }

  private static boolean matchesType(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (matchesType(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      case "number" -> value.isNumber();
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static boolean contains(JsonNode allowed, JsonNode value) {
    for (JsonNode candidate : allowed) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
