package dev.vis.analysis;

import java.util.Arrays;

/**
 * Finds every occurrence of a set of terms in one scan, keeping those on word boundaries. A space
 * in a term also matches a hyphen or nothing ({@code Demand IQ} finds {@code Demand-IQ} and {@code
 * DemandIQ}), and {@code &} in a term also matches the word {@code and}.
 *
 * <p>Built once, then only read: safe to share between threads once published through a final
 * field.
 */
final class TermTrie {
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  private final Node root = new Node();
  private boolean empty = true;

  /** Receives one occurrence: the term's id and the chars it covers. */
  interface Sink {
    void hit(int id, int start, int end);
  }

  /** Adds a term (already in {@link TermForm}) under an id. */
  void add(String term, int id) {
    Node node = root;
    for (int i = 0; i < term.length(); i++) {
      node = node.childOrCreate(term.charAt(i));
    }
    node.ids = Arrays.copyOf(node.ids, node.ids.length + 1);
    node.ids[node.ids.length - 1] = id;
    empty = false;
  }

  boolean isEmpty() {
    return empty;
  }

  /**
   * Reports each term found in the first {@code length} chars of {@code text}, which the caller has
   * folded as the terms were; with {@code skipMarks}, combining accents left in the text are passed
   * over as the folded terms have none.
   */
  void scan(char[] text, int length, boolean skipMarks, Sink sink) {
    boolean andAtRoot = root.child('&') != null;
    Node[] rootAscii = root.ascii;
    boolean[] word = ASCII_WORD;
    for (int start = 0; start < length; start++) {
      char first = text[start];
      // Inside an ASCII word no term can start: the cheapest test comes first.
      if (start > 0 && first < 0x80 && text[start - 1] < 0x80 && word[text[start - 1]]) {
        continue;
      }
      boolean opens =
          first < 0x80 ? rootAscii != null && rootAscii[first] != null : root.child(first) != null;
      if ((opens || (andAtRoot && (first | 0x20) == 'a'))
          && (start == 0
              // after an ASCII char that is no letter or digit a term always may start
              || (text[start - 1] < 0x80 && !word[text[start - 1]])
              || !WordBoundary.joins(
                  Character.codePointBefore(text, start, 0),
                  Character.codePointAt(text, start, length)))) {
        walk(root, text, start, start, length, skipMarks, sink);
      }
    }
  }

  private static void walk(
      Node from, char[] text, int start, int at, int length, boolean skipMarks, Sink sink) {
    Node node = from;
    int end = at;
    while (true) {
      if (node.ids.length > 0
          && (end == length
              || !WordBoundary.joins(
                  Character.codePointAt(text, end, length),
                  Character.codePointBefore(text, end, start)))) {
        for (int id : node.ids) {
          sink.hit(id, start, end);
        }
      }
      Node[] ascii = node.ascii;
      Node space = ascii == null ? null : ascii[' '];
      if (space != null) {
        if (end < length && text[end] == '-') {
          walk(space, text, start, end + 1, length, skipMarks, sink);
        }
        walk(space, text, start, end, length, skipMarks, sink);
      }
      Node and = ascii == null ? null : ascii['&'];
      if (and != null && TermForm.isAndWord(text, end, 0, length)) {
        walk(and, text, start, end + 3, length, skipMarks, sink);
      }
      if (end == length) {
        return;
      }
      char c = text[end];
      Node next = c < 0x80 ? (node.ascii == null ? null : node.ascii[c]) : node.child(c);
      if (next == null) {
        if (skipMarks && end > start && AccentFold.isFoldedMark(c)) {
          end++;
          continue;
        }
        return;
      }
      node = next;
      end++;
    }
  }

  private static final class Node {
    private static final char[] NO_KEYS = new char[0];
    private static final Node[] NO_NODES = new Node[0];

    private Node[] ascii;
    private char[] keys = NO_KEYS;
    private Node[] others = NO_NODES;
    private int[] ids = new int[0];

    Node child(char c) {
      if (c < 0x80) {
        return ascii == null ? null : ascii[c];
      }
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return others[i];
        }
      }
      return null;
    }

    Node childOrCreate(char c) {
      Node existing = child(c);
      if (existing != null) {
        return existing;
      }
      Node created = new Node();
      if (c < 0x80) {
        if (ascii == null) {
          ascii = new Node[0x80];
        }
        ascii[c] = created;
      } else {
        keys = Arrays.copyOf(keys, keys.length + 1);
        others = Arrays.copyOf(others, others.length + 1);
        keys[keys.length - 1] = c;
        others[others.length - 1] = created;
      }
      return created;
    }
  }
}
