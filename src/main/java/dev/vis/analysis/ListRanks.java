package dev.vis.analysis;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The list rank a reader sees for each line of an answer: numbered lists as CommonMark renders
 * them, bullets by place, numbered headings by their number, nested items and continuation lines by
 * the top-level item they sit under.
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

  /** The ranks of the lines of {@code text} up to the one holding code point {@code upTo}. */
  static ListRanks of(String text, int upTo) {
    int[] starts = new int[16];
    int[] ranks = new int[16];
    State state = new State();
    int lines = 0;
    int lineStart = 0;
    int codePoints = 0;
    while (codePoints <= upTo && lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int contentEnd =
          lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
      if (lines == starts.length) {
        starts = Arrays.copyOf(starts, lines * 2);
        ranks = Arrays.copyOf(ranks, lines * 2);
      }
      starts[lines] = codePoints;
      ranks[lines++] = state.next(ListLine.parse(text, lineStart, contentEnd));
      codePoints += text.codePointCount(lineStart, lineEnd) + 1;
      lineStart = lineEnd + 1;
    }
    return new ListRanks(Arrays.copyOf(starts, lines), ranks);
  }

  /** The ranks of every line of {@code text}. */
  static ListRanks of(String text) {
    return of(text, Integer.MAX_VALUE - 1);
  }

  /**
   * The rank of the line holding the code point at {@code offset}, if that line is in a list;
   * {@code offset} must not lie past the line this was built up to.
   */
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
          if (inList
              || !afterParagraph
              || line.kind() == ListLine.Kind.BULLET
              || line.number() == 1) {
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
