package dev.vis.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A streamed table for {@code vis export}: a header once, then rows, each written as it comes so
 * memory stays constant whatever the run's size.
 *
 * <p>Row values may be null, strings, numbers, booleans, {@code Optional}s (empty is null) or any
 * object (written by {@code toString()}). Closing a sink flushes and closes its writer. Not
 * thread-safe.
 */
public interface RowSink extends Closeable {
  /**
   * Starts the table; call once, before any row.
   *
   * @throws IllegalStateException when called twice
   */
  void header(List<String> columns) throws IOException;

  /**
   * Writes one row, its values in header order.
   *
   * @throws IllegalStateException before {@link #header}
   * @throws IllegalArgumentException when the row has not one value per column
   */
  void row(List<?> values) throws IOException;

  /** A sink that writes RFC 4180 CSV with formula protection, the header as its first record. */
  static RowSink csv(Writer out) {
    return new CsvRowSink(out);
  }

  /**
   * A sink that writes one JSON object per line, keyed by the header's columns, with typed values
   * (numbers, booleans, null, strings): the lossless format, with no formula protection.
   */
  static RowSink jsonl(Writer out) {
    return new JsonlRowSink(out);
  }

  /** The sink of {@code format} over {@code out}. */
  static RowSink of(ExportFormat format, Writer out) {
    return switch (format) {
      case CSV -> csv(out);
      case JSONL -> jsonl(out);
    };
  }
}
