package dev.vis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests: CRLF record ends, quotes only around whole fields, doubled
 * quotes inside them, every record as wide as the header; anything else is an error, so a test that
 * reads a report through it proves the report is CSV a strict parser accepts.
 */
public final class StrictCsv {
  private StrictCsv() {}

  /** The records of {@code text}, the header first. */
  public static List<List<String>> read(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("unclosed quote in record " + (records.size() + 1));
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
      } else {
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          char c = text.charAt(i++);
          if (c == '"' || c == '\n') {
            throw new IllegalArgumentException(
                "bare "
                    + (c == '"' ? "quote" : "line feed")
                    + " in record "
                    + (records.size() + 1));
          }
          field.append(c);
        }
      }
      record.add(field.toString());
      field.setLength(0);
      if (i >= text.length()) {
        throw new IllegalArgumentException("the last record does not end with CRLF");
      }
      char end = text.charAt(i++);
      if (end == '\r') {
        if (i >= text.length() || text.charAt(i++) != '\n') {
          throw new IllegalArgumentException("CR without LF in record " + (records.size() + 1));
        }
        if (!records.isEmpty() && record.size() != records.getFirst().size()) {
          throw new IllegalArgumentException(
              "record "
                  + (records.size() + 1)
                  + " has "
                  + record.size()
                  + " fields, the header "
                  + records.getFirst().size());
        }
        records.add(List.copyOf(record));
        record.clear();
      } else if (end != ',') {
        throw new IllegalArgumentException(
            "text after a closing quote in record " + (records.size() + 1));
      }
    }
    if (!record.isEmpty()) {
      throw new IllegalArgumentException("the last record does not end with CRLF");
    }
    return records;
  }
}
