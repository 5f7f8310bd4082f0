package dev.vis.analysis;

import java.util.Arrays;

/**
 * Finds every occurrence of a set of terms in one scan, keeping those on word boundaries.
 *
 * <p>Built once, then only read: safe to share between threads once published through a final
 * field.
 */
final class TermTrie {
  private final Node root = new Node();
  private boolean empty = true;

  /** Receives one occurrence: the term's id and the chars it covers. */
  interface Sink {
    void hit(int id, int start, int end);
  }

  /** Adds a term (already in plain, maybe folded form) under an id. */
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
   * Reports each term found in {@code text}; word boundaries are judged on {@code written}, the
   * same view in its written case.
   */
  void scan(char[] text, char[] written, int length, Sink sink) {
    for (int start = 0; start < length; start++) {
      Node node = root.child(text[start]);
      if (node == null) {
        continue;
      }
      if (start > 0
          && WordBoundary.joins(
              Character.codePointBefore(written, start, 0),
              Character.codePointAt(written, start, length))) {
        continue;
      }
      int end = start + 1;
      while (true) {
        if (node.ids.length > 0
            && (end == length
                || !WordBoundary.joins(
                    Character.codePointAt(written, end, length),
                    Character.codePointBefore(written, end, start)))) {
          for (int id : node.ids) {
            sink.hit(id, start, end);
          }
        }
        if (end == length) {
          break;
        }
        node = node.child(text[end]);
        if (node == null) {
          break;
        }
        end++;
      }
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
