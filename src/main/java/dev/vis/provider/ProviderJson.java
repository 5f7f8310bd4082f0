package dev.vis.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON every wire format reads and writes, through one factory whose buffers are shared by all
 * threads: Jackson's default keeps them per thread, and each call runs on a new virtual thread, so
 * every body parsed or written allocated its buffers afresh. Streaming reads and writes need only
 * the factory; trees (error bodies, the formats read as trees) take the mapper, built on first use.
 */
final class ProviderJson {
  static final JsonFactory FACTORY =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();

  private ProviderJson() {}

  /** The tree mapper over {@link #FACTORY}, built when the first tree is needed. */
  static ObjectMapper trees() {
    return Trees.MAPPER;
  }

  private static final class Trees {
    static final ObjectMapper MAPPER = new JsonMapper(FACTORY);
  }

  /** What a request body holds, written field by field inside its top-level object. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  /** A JSON object with the fields {@code fields} writes, compact. */
  static String object(Fields fields) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** A request body built as a tree, written compact. */
  static String object(ObjectNode tree) {
    try {
      return trees().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of plain values always writes
    }
  }

  /**
   * The current value as a tree's {@code asText("")} reads it: a string as it is, a number or a
   * boolean as text, anything else (null, an object or array, which are skipped) as "".
   */
  static String text(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    return switch (token) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> String.valueOf(p.getDoubleValue());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      default -> {
        p.skipChildren();
        yield "";
      }
    };
  }

  /** A string value that is not empty (as {@link JsonFields#text}); skips any other value. */
  static Optional<String> string(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String s = p.getText();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
    p.skipChildren();
    return Optional.empty();
  }

  /**
   * A count (as {@link JsonFields#count}): a number that fits a long and is not negative, a
   * fraction cut off; skips any other value.
   */
  static OptionalLong count(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long value = p.getLongValue();
      return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = p.getDoubleValue();
      return value >= Long.MIN_VALUE && value <= Long.MAX_VALUE && (long) value >= 0
          ? OptionalLong.of((long) value)
          : OptionalLong.empty();
    }
    p.skipChildren();
    return OptionalLong.empty();
  }
}
