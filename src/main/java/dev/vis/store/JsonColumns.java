package dev.vis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Lists and maps kept in one TEXT column as JSON. */
final class JsonColumns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonColumns() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> strings(String json) {
    return read(json, new TypeReference<List<String>>() {});
  }

  static Map<String, String> stringMap(String json) {
    return read(json, new TypeReference<Map<String, String>>() {});
  }

  static Map<String, Double> doubleMap(String json) {
    return read(json, new TypeReference<Map<String, Double>>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage(), e);
    }
  }
}
