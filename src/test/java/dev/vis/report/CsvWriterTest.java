package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {
  static String written(Object... cells) throws IOException {
    StringWriter out = new StringWriter();
    try (CsvWriter csv = new CsvWriter(out)) {
      csv.row(Arrays.asList(cells));
    }
    return out.toString();
  }

  @Nested
  class Quoting {
    @Test
    void plain_cells_are_written_bare_and_records_end_with_crlf() throws IOException {
      assertThat(written("a", "b c", "")).isEqualTo("a,b c,\r\n");
    }

    @Test
    void cells_with_a_comma_quote_cr_or_lf_are_quoted_and_quotes_doubled() throws IOException {
      assertThat(written("a,b", "say \"hi\"", "one\ntwo", "x\ry"))
          .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"x\ry\"\r\n");
    }

    @Test
    void each_record_reaches_the_writer_as_it_is_written() throws IOException {
      StringWriter out = new StringWriter();
      CsvWriter csv = new CsvWriter(out);
      csv.row(List.of("first"));
      assertThat(out.toString()).isEqualTo("first\r\n");
    }
  }

  @Nested
  class Formula_protection {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "=SUM(A1)|'=SUM(A1)",
          "-foo|'-foo",
          "@x|'@x",
          "+cmd|'+cmd",
          "-|'-",
          "+1|+1",
          "-3.5|-3.5",
          "-.5|-.5",
          "-1e5|-1e5",
          "1+1|1+1",
          "a=b|a=b"
        })
    void a_cell_a_spreadsheet_would_run_gets_a_quote_prefix_unless_it_is_a_number(
        String cell, String expected) throws IOException {
      assertThat(written(cell)).isEqualTo(expected + "\r\n");
    }

    @Test
    void a_tab_or_cr_at_the_start_is_protected_too() throws IOException {
      assertThat(written("\tx")).isEqualTo("'\tx\r\n");
      assertThat(written("\rx")).isEqualTo("\"'\rx\"\r\n");
    }

    @Test
    void protection_comes_before_quoting() throws IOException {
      assertThat(written("=HYPERLINK(\"http://x\",\"y\")"))
          .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }
  }

  @Nested
  class Values {
    @Test
    void null_and_empty_optionals_are_empty_cells() throws IOException {
      assertThat(written(null, Optional.empty(), OptionalDouble.empty(), "x"))
          .isEqualTo(",,,x\r\n");
    }

    @Test
    void present_optionals_are_written_as_their_value() throws IOException {
      assertThat(written(Optional.of("a"), OptionalDouble.of(2.5), OptionalLong.of(7)))
          .isEqualTo("a,2.5,7\r\n");
    }

    @Test
    void doubles_have_no_exponent_and_at_most_six_decimals() throws IOException {
      assertThat(written(1.0E-6, 1.0E20, 0.1234565, 2.0, -0.0, -1.0E-9, 1.5f))
          .isEqualTo("0.000001,100000000000000000000,0.123457,2,0,0,1.5\r\n");
    }

    @Test
    void integers_and_big_decimals_are_exact() throws IOException {
      assertThat(
              written(Long.MAX_VALUE, -5, new BigDecimal("1E+3"), new BigDecimal("0.1234567891")))
          .isEqualTo("9223372036854775807,-5,1000,0.1234567891\r\n");
    }

    @Test
    void non_finite_doubles_are_empty_cells() throws IOException {
      assertThat(written(Double.NaN, Double.POSITIVE_INFINITY)).isEqualTo(",\r\n");
    }

    @Test
    void booleans_and_other_objects_are_written_by_to_string() throws IOException {
      assertThat(written(true, Arrays.asList(1, 2))).isEqualTo("true,\"[1, 2]\"\r\n");
    }
  }
}
