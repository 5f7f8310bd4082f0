package dev.vis.spec;

import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in plain words: SnakeYAML's parser wording ({@code expected <block end>, but
 * found '?'}) names its own tokens, not the user's mistake, which is most often a line indented
 * wrong. The message shows the line (and the line above, to compare indents), a caret under the
 * place, and a hint.
 */
final class YamlSyntaxError {
  private static final String INDENT_HINT =
      "hint: check the indentation of this line against the line above: the keys of one mapping"
          + " start in one column, and so do the dashes of one list";

  private final String file;
  private final List<String> lines;

  YamlSyntaxError(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** Reports the exception where it belongs, in words a spec author reads. */
  void report(MarkedYAMLException e, Problems problems) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark opened = e.getContextMark();
    int line = mark.getLine();
    int column = mark.getColumn();
    String text = line(line);
    int indent = indent(text);
    boolean keyBefore =
        text.substring(0, text.offsetByCodePoints(0, Math.min(column, codePoints(text))))
            .contains(": ");
    if (problem.startsWith("expected <block end>")) {
      problems.add(at(line, indent), blockEnd(line, indent) + excerpt(line, indent, true));
    } else if (problem.equals("mapping values are not allowed here")
        && !keyBefore
        && indent > above(line).indent()) {
      problems.add(
          at(line, indent),
          "this line is indented more than the line above, so YAML reads it as more of that"
              + " line's value and then finds a ':' it cannot place"
              + excerpt(line, indent, true));
    } else if (problem.equals("mapping values are not allowed here") && keyBefore) {
      problems.add(
          at(line, column),
          "a value holds ': ' (a colon and a space), which YAML reads as the start of another"
              + " key"
              + excerpt(line, column, false)
              + "\n  hint: put the value in quotes: "
              + quoted(text.strip()));
    } else if (problem.contains("'\\t(TAB)'")) {
      problems.add(
          at(line, column),
          "a tab in the indentation; YAML indents with spaces only"
              + excerpt(line, column, false)
              + "\n  hint: replace the tab with spaces");
    } else if (problem.equals("found unexpected end of stream")
        && context.contains("quoted scalar")
        && opened != null) {
      problems.add(
          at(opened.getLine(), opened.getColumn()),
          "this quoted value is never closed"
              + excerpt(opened.getLine(), opened.getColumn(), false)
              + "\n  hint: end it with the same quote it starts with, on this line or a later one");
    } else if (problem.startsWith("expected ',' or '")
        && opened != null
        && opened.getLine() != line) {
      boolean list = problem.startsWith("expected ',' or ']'");
      problems.add(
          at(opened.getLine(), opened.getColumn()),
          "this "
              + (list ? "[ list" : "{ mapping")
              + (problem.contains("<stream end>")
                  ? " is never closed before the end of the file"
                  : " is never closed: line " + (line + 1) + " is read as part of it")
              + excerpt(opened.getLine(), opened.getColumn(), false)
              + "\n  hint: close it with "
              + (list ? "]" : "}")
              + ", or quote the values inside that hold [ ] { } or ${…}");
    } else {
      String what =
          problem.isEmpty()
              ? context
              : !context.isEmpty() && problem.startsWith("but ")
                  ? context + ", " + problem
                  : problem;
      problems.add(
          at(line, column),
          "invalid YAML: "
              + what
              + (text.contains("${") ? " (quote values that hold ${…} inside [ ] or { })" : "")
              + excerpt(line, column, false));
    }
  }

  /** The closest line above that holds more than blanks and a comment, if any. */
  private record Above(int line, int indent, boolean isListItem) {}

  private Above above(int line) {
    for (int i = line - 1; i >= 0; i--) {
      String text = line(i);
      if (!text.isBlank() && !text.strip().startsWith("#")) {
        return new Above(i, indent(text), text.strip().startsWith("- "));
      }
    }
    return new Above(-1, 0, false);
  }

  /** Why a line ends nothing it could belong to: its indent against the lines above. */
  private String blockEnd(int line, int indent) {
    for (int i = line - 1; i >= 0; i--) {
      String text = line(i);
      if (text.isBlank() || text.strip().startsWith("#") || indent(text) > indent) {
        continue;
      }
      if (indent(text) == indent
          && text.strip().startsWith("- ")
          && !line(line).strip().startsWith("-")) {
        return "this key starts in the column of the dash on line "
            + (i + 1)
            + ", so it belongs to no list item; an item's keys line up with its first key after"
            + " the dash (column "
            + (indent + 1 + dashWidth(text.strip()))
            + ")";
      }
      break;
    }
    if (indent > above(line).indent()) {
      return "this line is indented more than the line above, but that line already has its"
          + " value, so nothing can be nested under it";
    }
    return "this line is indented "
        + indent
        + (indent == 1 ? " space" : " spaces")
        + ", which lines up with no key or list above it that it could belong to";
  }

  /** {@code key: value} with the value quoted, a list item's dash kept. */
  private static String quoted(String entry) {
    String dash = entry.startsWith("- ") ? "- " : "";
    String pair = entry.substring(dash.length());
    int colon = pair.indexOf(": ");
    String value = pair.substring(colon + 2).strip();
    String quote = value.contains("\"") ? "'" : "\"";
    return dash
        + pair.substring(0, colon)
        + ": "
        + quote
        + (quote.equals("'") ? value.replace("'", "''") : value)
        + quote;
  }

  private static int dashWidth(String item) {
    int width = 1;
    while (width < item.length() && item.charAt(width) == ' ') {
      width++;
    }
    return width;
  }

  /**
   * The line (with the one above when indents are to be compared), and a caret under {@code
   * column}, each prefixed by a gutter with the line number; control characters escaped.
   */
  private String excerpt(int line, int column, boolean withAbove) {
    StringBuilder out = new StringBuilder();
    String gutter = " ".repeat(String.valueOf(line + 1).length());
    Above above = above(line);
    if (withAbove && above.line() >= 0) {
      out.append("\n  ")
          .append(pad(above.line() + 1, gutter.length()))
          .append(" | ")
          .append(shown(line(above.line())));
    }
    String text = line(line);
    out.append("\n  ").append(line + 1).append(" | ").append(shown(text));
    // SnakeYAML counts columns in code points
    int points = Math.min(Math.max(column, 0), codePoints(text));
    String before = text.substring(0, text.offsetByCodePoints(0, points));
    out.append("\n  ")
        .append(gutter)
        .append(" | ")
        .append(" ".repeat(shown(before).length()))
        .append('^');
    if (withAbove) {
      out.append("\n  ").append(INDENT_HINT);
    }
    return out.toString();
  }

  private static String pad(int number, int width) {
    String s = String.valueOf(number);
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private String line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : "";
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  private static int indent(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private Where at(int line, int column) {
    return new Where(file, line + 1, column + 1, "");
  }

  /** A line as the terminal may show it: control and bidirectional characters escaped. */
  private static String shown(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t') {
                out.append("\\t");
              } else if (Character.isISOControl(c)
                  || (c >= 0x202A && c <= 0x202E)
                  || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
