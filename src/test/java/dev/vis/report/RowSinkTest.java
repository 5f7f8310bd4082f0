package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RowSinkTest {
  static String jsonl(List<String> header, List<?>... rows) throws IOException {
    StringWriter out = new StringWriter();
    try (RowSink sink = RowSink.jsonl(out)) {
      sink.header(header);
      for (List<?> row : rows) {
        sink.row(row);
      }
    }
    return out.toString();
  }

  @Nested
  class Jsonl {
    @Test
    void writes_one_object_per_line_keyed_by_the_header() throws IOException {
      assertThat(jsonl(List.of("a", "b"), List.of("x", 1), List.of("y", 2)))
          .isEqualTo("{\"a\":\"x\",\"b\":1}\n{\"a\":\"y\",\"b\":2}\n");
    }

    @Test
    void types_numbers_booleans_and_nulls_as_json() throws IOException {
      String line =
          jsonl(
              List.of("long", "double", "big", "bool", "null", "empty", "opt", "when"),
              Arrays.asList(
                  Long.MAX_VALUE,
                  0.1,
                  new BigDecimal("1E-10"),
                  true,
                  null,
                  Optional.empty(),
                  OptionalDouble.of(2.5),
                  Instant.parse("2025-01-02T03:04:05Z")));
      assertThat(line)
          .isEqualTo(
              "{\"long\":9223372036854775807,\"double\":0.1,\"big\":0.0000000001,\"bool\":true,"
                  + "\"null\":null,\"empty\":null,\"opt\":2.5,\"when\":\"2025-01-02T03:04:05Z\"}\n");
    }

    @Test
    void escapes_strings_losslessly_without_formula_protection() throws IOException {
      String text = "=SUM(A1) \"quoted\"\nline\ttab \\ back\u0001 ünïcode ✓";
      String line = jsonl(List.of("text"), List.of(text));
      assertThat(line).doesNotContain("\n{").endsWith("}\n");
      assertThat(line.strip().lines()).hasSize(1);
      JsonNode node = new ObjectMapper().readTree(line);
      assertThat(node.get("text").asText()).isEqualTo(text);
    }

    @Test
    void keeps_doubles_exact() throws IOException {
      JsonNode node =
          new ObjectMapper().readTree(jsonl(List.of("x"), List.of(0.12345678901234567)));
      assertThat(node.get("x").doubleValue()).isEqualTo(0.12345678901234567);
    }

    @Test
    void writes_nothing_for_a_header_alone() throws IOException {
      assertThat(jsonl(List.of("a"))).isEmpty();
    }
  }

  @Nested
  class Csv {
    @Test
    void writes_the_header_first_then_protected_rows() throws IOException {
      StringWriter out = new StringWriter();
      try (RowSink sink = RowSink.csv(out)) {
        sink.header(List.of("id", "text"));
        sink.row(Arrays.asList(1, "=cmd"));
        sink.row(Arrays.asList(2, null));
      }
      assertThat(out.toString()).isEqualTo("id,text\r\n1,'=cmd\r\n2,\r\n");
    }

    @Test
    void the_format_picks_the_sink() throws IOException {
      StringWriter out = new StringWriter();
      try (RowSink sink = RowSink.of(ExportFormat.CSV, out)) {
        sink.header(List.of("a"));
      }
      assertThat(out.toString()).isEqualTo("a\r\n");
    }
  }

  @Nested
  class Contract {
    @Test
    void a_row_before_the_header_is_refused() {
      for (RowSink sink : sinks()) {
        assertThatThrownBy(() -> sink.row(List.of(1))).isInstanceOf(IllegalStateException.class);
      }
    }

    @Test
    void a_second_header_is_refused() throws IOException {
      for (RowSink sink : sinks()) {
        sink.header(List.of("a"));
        assertThatThrownBy(() -> sink.header(List.of("a")))
            .isInstanceOf(IllegalStateException.class);
      }
    }

    @Test
    void a_row_of_the_wrong_width_is_refused() throws IOException {
      for (RowSink sink : sinks()) {
        sink.header(List.of("a", "b"));
        assertThatThrownBy(() -> sink.row(List.of(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1 values for 2 columns");
      }
    }

    @Test
    void closing_a_sink_closes_its_writer() throws IOException {
      for (ExportFormat format : ExportFormat.values()) {
        ClosingWriter out = new ClosingWriter();
        RowSink.of(format, out).close();
        assertThat(out.closed).as(format.name()).isTrue();
      }
    }

    private List<RowSink> sinks() {
      return List.of(RowSink.csv(new StringWriter()), RowSink.jsonl(new StringWriter()));
    }
  }

  static final class ClosingWriter extends Writer {
    boolean closed;

    @Override
    public void write(char[] buffer, int offset, int length) {}

    @Override
    public void flush() {}

    @Override
    public void close() {
      closed = true;
    }
  }
}
