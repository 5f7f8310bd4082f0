package dev.vis.analysis;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The list rank a reader sees for each line of an answer: numbered lists as CommonMark renders
 * them, bullets by place, numbered headings by their number, nested items and continuation lines
 * by the top-level item they sit under.
 */
final class ListRanks {
  /** The rank of a line outside any list (a list may start at 0). */
  private static final int NONE = -1;

  private final int[] lineStarts;
  private final int[] ranks;

  private ListRanks(int[] lineStarts, int[] ranks) {
    this.lineStarts = lineStarts;
    this.ranks = ranks;
  }

  static ListRanks of(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int[] ranks = new int[lines];
    State state = new State();
    int lineStart = 0;
    int codePoints = 0;
    for (int line = 0; line < lines; line++) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
      starts[line] = codePoints;
      ranks[line] = state.next(ListLine.parse(text.substring(lineStart, contentEnd)));
      codePoints += text.codePointCount(lineStart, lineEnd) + 1;
      lineStart = lineEnd + 1;
    }
    return new ListRanks(starts, ranks);
  }

  /** The rank of the line holding the code point at {@code offset}, if that line is in a list. */
  OptionalInt rankAt(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    int line = found >= 0 ? found : -found - 2;
    int rank = ranks[Math.max(line, 0)];
    return rank == NONE ? OptionalInt.empty() : OptionalInt.of(rank);
  }

  /** Walks the lines in order. */
  private static final class State {
    private boolean inList;
    private ListLine.Kind kind;
    private char marker;
    private int topIndent;
    private int start;
    private int place;
    private int rank;
    private boolean afterParagraph;

    int next(ListLine line) {
      switch (line.kind()) {
        case BLANK -> {
          afterParagraph = false;
          return NONE;
        }
        case NUMBERED_HEADING -> {
          inList = false;
          afterParagraph = false;
          return line.number();
        }
        case BULLET, NUMBERED -> {
          if (inList && line.indent() > topIndent) {
            return rank;
          }
          if (inList && line.kind() == kind && line.marker() == marker) {
            place++;
            rank = kind == ListLine.Kind.NUMBERED ? start + place - 1 : place;
            return rank;
          }
          // CommonMark: only a list starting at 1 may interrupt a paragraph.
          if (inList || !afterParagraph || line.kind() == ListLine.Kind.BULLET || line.number() == 1) {
            inList = true;
            kind = line.kind();
            marker = line.marker();
            topIndent = line.indent();
            start = line.number();
            place = 1;
            rank = kind == ListLine.Kind.NUMBERED ? start : 1;
            return rank;
          }
          return paragraph();
        }
        default -> {
          if (inList && line.indent() > topIndent) {
            return rank;
          }
          return paragraph();
        }
      }
    }

    private int paragraph() {
      inList = false;
      afterParagraph = true;
      return NONE;
    }
  }
}
