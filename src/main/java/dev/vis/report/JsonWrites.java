package dev.vis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vis.analysis.Proportion;
import java.io.IOException;
import java.util.List;

/** The ways the JSON report's parts write their fields: arrays, rounded numbers and rates. */
final class JsonWrites {
  private JsonWrites() {}

  /** Writes one value (or the fields of one object) of an array. */
  @FunctionalInterface
  interface Item<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }

  /** An array field of {@code items}, each written by {@code item}. */
  static <T> void array(JsonGenerator json, String name, List<T> items, Item<? super T> item)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (T value : items) {
      item.write(json, value);
    }
    json.writeEndArray();
  }

  /** An array field of one object per item, its fields written by {@code fields}. */
  static <T> void objects(JsonGenerator json, String name, List<T> items, Item<? super T> fields)
      throws IOException {
    array(
        json,
        name,
        items,
        (j, value) -> {
          j.writeStartObject();
          fields.write(j, value);
          j.writeEndObject();
        });
  }

  /** An array field of strings. */
  static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    array(json, name, values, JsonGenerator::writeString);
  }

  /** A number field rounded to 6 decimals; null when it is not a finite number. */
  static void number(JsonGenerator json, String name, double value) throws IOException {
    json.writeFieldName(name);
    if (Double.isFinite(value)) {
      json.writeNumber(PlainNumber.rounded(value));
    } else {
      json.writeNull();
    }
  }

  /** A whole-number field; null when it is not {@code present}. */
  static void count(JsonGenerator json, String name, boolean present, long value)
      throws IOException {
    if (present) {
      json.writeNumberField(name, value);
    } else {
      json.writeNullField(name);
    }
  }

  /** A rate with its counts; its value and interval are null when it has no data. */
  static void proportion(JsonGenerator json, String name, Proportion p) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeNumberField("numerator", p.numerator());
    json.writeNumberField("denominator", p.denominator());
    number(json, "value", p.hasData() ? p.value() : Double.NaN);
    number(json, "ci_low", p.hasData() ? p.low() : Double.NaN);
    number(json, "ci_high", p.hasData() ? p.high() : Double.NaN);
    json.writeEndObject();
  }
}
