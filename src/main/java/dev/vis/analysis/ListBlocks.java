package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lists of an answer, line by line, before the main list is known: markdown lists as CommonMark
 * reads them, runs of numbered headings, and runs of sibling headings that each start with a
 * tracked brand. Each line gets the list it belongs to and the rank a reader sees there; nested
 * items and continuation lines take the rank of the top-level item they sit under.
 */
final class ListBlocks {
  static final int NONE = -1;

  /** One list: where it starts, what kind it is, its first number and the rank of its last item. */
  static final class Block {
    final int firstLine;
    final ListLine.Kind kind;
    final int firstNumber;
    int lastRank;

    Block(int firstLine, ListLine.Kind kind, int firstNumber) {
      this.firstLine = firstLine;
      this.kind = kind;
      this.firstNumber = firstNumber;
      this.lastRank = firstNumber;
    }
  }

  private record Heading(int line, int level, int contentOffset, boolean numbered) {}

  final List<Block> blocks = new ArrayList<>();
  int lines;
  int[] lineStarts = new int[16];
  int[] blockOf = new int[16];
  int[] rankOf = new int[16];

  private ListBlocks() {}

  /**
   * Reads every line of {@code text}.
   *
   * @param stretchStarts code point offsets where brand stretches start, ascending
   * @param charsAreCodePoints whether the text holds no surrogate pair, so that its char indices
   *     are its code point offsets and need no counting
   */
  static ListBlocks of(String text, int[] stretchStarts, boolean charsAreCodePoints) {
    ListBlocks found = new ListBlocks();
    List<Heading> headings = new ArrayList<>();
    Walk walk = new Walk(found);
    int lineStart = 0;
    int codePoints = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int contentEnd =
          lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
      ListLine line = ListLine.parse(text, lineStart, contentEnd);
      int index = found.addLine(codePoints);
      walk.next(line, index);
      if (line.kind() == ListLine.Kind.HEADING || line.kind() == ListLine.Kind.NUMBERED_HEADING) {
        int contentStart = Math.max(lineStart, line.content());
        int content =
            codePoints
                + (charsAreCodePoints
                    ? contentStart - lineStart
                    : text.codePointCount(lineStart, contentStart));
        headings.add(
            new Heading(
                index, line.level(), content, line.kind() == ListLine.Kind.NUMBERED_HEADING));
      }
      codePoints +=
          (charsAreCodePoints ? lineEnd - lineStart : text.codePointCount(lineStart, lineEnd)) + 1;
      lineStart = lineEnd + 1;
    }
    found.headingRuns(headings, stretchStarts);
    return found;
  }

  /** The line holding the code point at {@code offset}. */
  int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, 0, lines, offset);
    return Math.max(found >= 0 ? found : -found - 2, 0);
  }

  private int addLine(int start) {
    if (lines == lineStarts.length) {
      lineStarts = Arrays.copyOf(lineStarts, lines * 2);
      blockOf = Arrays.copyOf(blockOf, lines * 2);
      rankOf = Arrays.copyOf(rankOf, lines * 2);
    }
    lineStarts[lines] = start;
    blockOf[lines] = NONE;
    rankOf[lines] = NONE;
    return lines++;
  }

  int newBlock(int line, ListLine.Kind kind, int firstNumber) {
    blocks.add(new Block(line, kind, firstNumber));
    return blocks.size() - 1;
  }

  void place(int line, int block, int rank) {
    blockOf[line] = block;
    rankOf[line] = rank;
    blocks.get(block).lastRank = rank;
  }

  /**
   * Two or more sibling headings of one level, each starting with a brand, form a list; deeper
   * headings inside their sections do not break the run.
   */
  private void headingRuns(List<Heading> headings, int[] stretchStarts) {
    List<Heading> run = new ArrayList<>();
    for (Heading h : headings) {
      int level = run.isEmpty() ? 0 : run.get(0).level();
      if (!run.isEmpty() && h.level() > level) {
        continue;
      }
      boolean named = !h.numbered() && Arrays.binarySearch(stretchStarts, h.contentOffset()) >= 0;
      if (named && !run.isEmpty() && h.level() == level) {
        run.add(h);
        continue;
      }
      closeRun(run);
      if (named) {
        run.add(h);
      }
    }
    closeRun(run);
  }

  private void closeRun(List<Heading> run) {
    if (run.size() >= 2) {
      int block = newBlock(run.get(0).line(), ListLine.Kind.HEADING, 1);
      for (int i = 0; i < run.size(); i++) {
        place(run.get(i).line(), block, i + 1);
      }
    }
    run.clear();
  }

  /** Walks the lines in order, as CommonMark reads lists. */
  private static final class Walk {
    private final ListBlocks found;
    private boolean inList;
    private int block;
    private ListLine.Kind kind;
    private char marker;
    private int topIndent;
    private int start;
    private int place;
    private int rank;
    private boolean afterParagraph;
    private int headingBlock = NONE;
    private int headingLevel;

    Walk(ListBlocks found) {
      this.found = found;
    }

    void next(ListLine line, int index) {
      switch (line.kind()) {
        case BLANK -> afterParagraph = false;
        case NUMBERED_HEADING -> {
          inList = false;
          afterParagraph = false;
          if (headingBlock == NONE || headingLevel != line.level()) {
            headingBlock = found.newBlock(index, line.kind(), line.number());
            headingLevel = line.level();
          }
          found.place(index, headingBlock, line.number());
        }
        case HEADING -> {
          inList = false;
          afterParagraph = false;
          if (line.level() <= headingLevel) {
            headingBlock = NONE;
          }
        }
        case BULLET, NUMBERED -> item(line, index);
        default -> {
          if (inList && line.indent() > topIndent) {
            found.place(index, block, rank);
          } else {
            paragraph();
          }
        }
      }
    }

    private void item(ListLine line, int index) {
      if (inList && line.indent() > topIndent) {
        found.place(index, block, rank);
        return;
      }
      if (inList && line.kind() == kind && line.marker() == marker) {
        place++;
        rank = kind == ListLine.Kind.NUMBERED ? start + place - 1 : place;
        found.place(index, block, rank);
        return;
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
        block = found.newBlock(index, kind, rank);
        found.place(index, block, rank);
        return;
      }
      paragraph();
    }

    private void paragraph() {
      inList = false;
      afterParagraph = true;
    }
  }
}
