package dev.vis.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads prompts from CSV text (RFC 4180: quoted fields, doubled quotes, line breaks in quotes) with
 * a header naming the columns {@code id}, {@code text} and optionally {@code tags}; tags in a cell
 * are separated by {@code ;} or {@code |}.
 */
final class CsvPrompts {
  private static final List<String> COLUMNS = List.of("id", "text", "tags");

  /** A cell and where it starts. */
  private record Cell(String value, int line, int column) {}

  private final String file;
  private final String text;
  private final Problems problems;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean failed;

  private CsvPrompts(String file, String text, Problems problems) {
    this.file = file;
    this.text = text;
    this.problems = problems;
  }

  /** The prompts of the file, each located at its id cell; problems are reported as found. */
  static List<Located<PromptSpec>> read(String file, String text, Problems problems) {
    return new CsvPrompts(file, text, problems).prompts();
  }

  private List<Located<PromptSpec>> prompts() {
    List<Located<PromptSpec>> out = new ArrayList<>();
    Optional<List<Cell>> header = nextRecord();
    while (header.isPresent() && isBlank(header.get())) {
      header = nextRecord();
    }
    if (header.isEmpty()) {
      report(Where.file(file), "no header row; the first row must name the columns id,text[,tags]");
      return out;
    }
    int[] index = columns(header.get());
    if (index == null) {
      return out;
    }
    for (Optional<List<Cell>> row = nextRecord(); row.isPresent(); row = nextRecord()) {
      List<Cell> cells = row.get();
      if (isBlank(cells)) {
        continue;
      }
      Cell first = cells.get(0);
      if (cells.size() != header.get().size()) {
        report(
            at(first, ""), "expected " + header.get().size() + " columns, found " + cells.size());
        continue;
      }
      Cell id = cells.get(index[0]);
      Cell question = cells.get(index[1]);
      List<String> tags =
          index[2] < 0
              ? List.of()
              : Arrays.stream(cells.get(index[2]).value().split("[;|]"))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
      if (question.value().isBlank()) {
        report(at(question, "text"), "must not be empty");
        continue;
      }
      out.add(
          new Located<>(
              new PromptSpec(id.value().strip(), question.value().strip(), tags), at(id, "id")));
    }
    if (out.isEmpty() && !failed) {
      report(Where.file(file), "has a header but no prompts");
    }
    return out;
  }

  /** Positions of id, text and tags in the header (tags -1 when absent), or null on a problem. */
  private int[] columns(List<Cell> header) {
    int[] index = {-1, -1, -1};
    boolean ok = true;
    for (int i = 0; i < header.size(); i++) {
      Cell cell = header.get(i);
      String name = cell.value().strip().toLowerCase(Locale.ROOT);
      int known = COLUMNS.indexOf(name);
      if (known < 0) {
        report(
            at(cell, ""),
            "unknown column '"
                + cell.value()
                + "'"
                + DidYouMean.hint(name, COLUMNS)
                + "; the columns are id,text[,tags]");
        ok = false;
      } else if (index[known] >= 0) {
        report(at(cell, ""), "column '" + name + "' appears twice");
        ok = false;
      } else {
        index[known] = i;
      }
    }
    if (ok && (index[0] < 0 || index[1] < 0)) {
      report(
          at(header.get(0), ""),
          "the header must name the columns id and text (and optionally tags)");
      ok = false;
    }
    return ok ? index : null;
  }

  private void report(Where where, String message) {
    failed = true;
    problems.add(where, message);
  }

  private Where at(Cell cell, String path) {
    return new Where(file, cell.line(), cell.column(), path);
  }

  private static boolean isBlank(List<Cell> cells) {
    return cells.size() == 1 && cells.get(0).value().isBlank();
  }

  /** The next record, or empty at the end of the text. */
  private Optional<List<Cell>> nextRecord() {
    if (pos >= text.length()) {
      return Optional.empty();
    }
    List<Cell> cells = new ArrayList<>();
    while (true) {
      cells.add(nextCell());
      if (pos >= text.length()) {
        return Optional.of(cells);
      }
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
      } else {
        endOfLine();
        return Optional.of(cells);
      }
    }
  }

  private Cell nextCell() {
    int cellLine = line;
    int column = pos - lineStart + 1;
    if (pos < text.length() && text.charAt(pos) == '"') {
      StringBuilder value = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= text.length()) {
          report(
              new Where(file, cellLine, column, ""),
              "unterminated quoted field (a \" is never closed)");
          return new Cell(value.toString(), cellLine, column);
        }
        char c = text.charAt(pos);
        if (c == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
          value.append('"');
          pos += 2;
        } else if (c == '"') {
          pos++;
          break;
        } else {
          if (c == '\n') {
            line++;
            lineStart = pos + 1;
          }
          value.append(c);
          pos++;
        }
      }
      if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
        report(
            new Where(file, line, pos - lineStart + 1, ""),
            "expected a comma or the end of the line after a closing quote");
        while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
          pos++;
        }
      }
      return new Cell(value.toString(), cellLine, column);
    }
    int start = pos;
    while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return new Cell(text.substring(start, pos), cellLine, column);
  }

  private void endOfLine() {
    if (text.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '\n') {
      pos++;
    }
    line++;
    lineStart = pos;
  }
}
