package dev.vis.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A row sink writing CSV through a {@link CsvWriter}. */
final class CsvRowSink implements RowSink {
  private final CsvWriter csv;
  private final Columns columns = new Columns();

  CsvRowSink(Writer out) {
    this.csv = new CsvWriter(out);
  }

  @Override
  public void header(List<String> names) throws IOException {
    columns.set(names);
    csv.row(names);
  }

  @Override
  public void row(List<?> values) throws IOException {
    columns.check(values);
    csv.row(values);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
