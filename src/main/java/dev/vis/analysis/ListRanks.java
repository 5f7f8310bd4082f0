package dev.vis.analysis;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Which list of an answer each line belongs to, and the rank a reader sees there. The main list
 * (list 1) is the first list with an item naming a tracked brand; a later numbered list whose first
 * number continues it is part of it. Every other later list is secondary (2, 3, …) and its items
 * have no rank, so honourable mentions never tie with the top picks.
 */
final class ListRanks {
  private final ListBlocks blocks;
  private final int[] listOf;

  private ListRanks(ListBlocks blocks, int[] listOf) {
    this.blocks = blocks;
    this.listOf = listOf;
  }

  /**
   * The lists of {@code text}.
   *
   * @param stretchStarts code point offsets where brand stretches start, ascending
   */
  static ListRanks of(String text, int[] stretchStarts) {
    return of(text, stretchStarts, text.codePointCount(0, text.length()) == text.length());
  }

  /**
   * The lists of {@code text}.
   *
   * @param stretchStarts code point offsets where brand stretches start, ascending
   * @param charsAreCodePoints whether the text holds no surrogate pair
   */
  static ListRanks of(String text, int[] stretchStarts, boolean charsAreCodePoints) {
    ListBlocks blocks = ListBlocks.of(text, stretchStarts, charsAreCodePoints);
    int[] listOf = new int[blocks.blocks.size()];
    ListBlocks.Block main = null;
    for (int start : stretchStarts) {
      int block = blocks.blockOf[blocks.lineOf(start)];
      if (block != ListBlocks.NONE
          && (main == null || blocks.blocks.get(block).firstLine < main.firstLine)) {
        main = blocks.blocks.get(block);
      }
    }
    if (main != null) {
      // by first line, ties in order of creation: the line in the high bits, the block in the low
      long[] order = new long[listOf.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = (long) blocks.blocks.get(i).firstLine << 32 | i;
      }
      Arrays.sort(order);
      int next = 2;
      int mainLast = main.lastRank;
      for (long key : order) {
        int i = (int) key;
        ListBlocks.Block block = blocks.blocks.get(i);
        if (block == main) {
          listOf[i] = 1;
        } else if (block.firstLine < main.firstLine) {
          listOf[i] = 0;
        } else if (main.kind == ListLine.Kind.NUMBERED
            && block.kind == ListLine.Kind.NUMBERED
            && block.firstNumber == mainLast + 1) {
          listOf[i] = 1;
          mainLast = block.lastRank;
        } else {
          listOf[i] = next++;
        }
      }
    }
    return new ListRanks(blocks, listOf);
  }

  /** The list holding the code point at {@code offset}: 1 for the main list, 2 for the next, … */
  OptionalInt listAt(int offset) {
    int block = blocks.blockOf[blocks.lineOf(offset)];
    return block == ListBlocks.NONE || listOf[block] == 0
        ? OptionalInt.empty()
        : OptionalInt.of(listOf[block]);
  }

  /** The rank a reader sees at {@code offset}, when it sits in an item of the main list. */
  OptionalInt rankAt(int offset) {
    int line = blocks.lineOf(offset);
    int block = blocks.blockOf[line];
    return block != ListBlocks.NONE && listOf[block] == 1
        ? OptionalInt.of(blocks.rankOf[line])
        : OptionalInt.empty();
  }
}
