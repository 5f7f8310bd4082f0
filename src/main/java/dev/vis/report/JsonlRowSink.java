package dev.vis.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** A row sink writing one JSON object per line, values typed as JSON. */
final class JsonlRowSink implements RowSink {
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .rootValueSeparator((String) null)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final JsonGenerator json;
  private final Columns columns = new Columns();

  JsonlRowSink(Writer out) {
    try {
      this.json = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void header(List<String> names) {
    columns.set(names);
  }

  @Override
  public void row(List<?> values) throws IOException {
    List<String> names = columns.check(values);
    json.writeStartObject();
    for (int i = 0; i < names.size(); i++) {
      json.writeFieldName(names.get(i));
      write(CellValue.unwrap(values.get(i)));
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private void write(Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Boolean b -> json.writeBoolean(b);
      case Integer n -> json.writeNumber(n);
      case Long n -> json.writeNumber(n);
      case Short n -> json.writeNumber(n);
      case Byte n -> json.writeNumber(n);
      case BigInteger n -> json.writeNumber(n);
      case BigDecimal n -> json.writeNumber(n);
      case Double n -> json.writeNumber(n);
      case Float n -> json.writeNumber(n);
      case Number n -> json.writeNumber(new BigDecimal(n.toString()));
      default -> json.writeString(value.toString());
    }
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
