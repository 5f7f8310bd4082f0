package dev.vis.report;

import java.util.List;

/** The header a row sink checks each row against. */
final class Columns {
  private List<String> names;

  void set(List<String> columns) {
    if (names != null) {
      throw new IllegalStateException("the header is already written");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a header needs at least one column");
    }
    names = List.copyOf(columns);
  }

  List<String> check(List<?> values) {
    if (names == null) {
      throw new IllegalStateException("write the header before any row");
    }
    if (values.size() != names.size()) {
      throw new IllegalArgumentException(
          "a row has " + values.size() + " values for " + names.size() + " columns " + names);
    }
    return names;
  }
}
