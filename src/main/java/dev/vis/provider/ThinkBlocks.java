package dev.vis.provider;

import java.util.regex.Pattern;

/**
 * Removes the {@code <think>…</think>} reasoning blocks some models put before their answer, so
 * analysis sees only the answer (the raw body keeps them).
 */
final class ThinkBlocks {
  private static final Pattern CLOSED =
      Pattern.compile("<think>.*?</think>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern OPEN = Pattern.compile("<think>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOSE = Pattern.compile("</think>", Pattern.CASE_INSENSITIVE);

  private ThinkBlocks() {}

  /**
   * The text without its reasoning blocks, trimmed. A block left open (the model ran out of tokens
   * while thinking) runs to the end; a closing tag without an opening one (some servers drop the
   * opening tag from the template) ends a block that started at the beginning.
   */
  static String strip(String text) {
    if (!hasTag(text)) {
      return text.strip(); // most answers: no need for the three passes below
    }
    String out = CLOSED.matcher(text).replaceAll("");
    var close = CLOSE.matcher(out);
    int reasoningEnd = 0;
    while (close.find()) {
      reasoningEnd = close.end();
    }
    out = out.substring(reasoningEnd);
    var open = OPEN.matcher(out);
    if (open.find()) {
      out = out.substring(0, open.start());
    }
    return out.strip();
  }

  /**
   * Whether {@code text} may hold {@code <think>} or {@code </think>}: never false where the
   * patterns would match (their case-insensitive ASCII is a subset of {@code regionMatches}').
   */
  private static boolean hasTag(String text) {
    for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      if (text.regionMatches(true, at + 1, "think>", 0, 6)
          || text.regionMatches(true, at + 1, "/think>", 0, 7)) {
        return true;
      }
    }
    return false;
  }
}
