package dev.vis.provider;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Blanks secrets (the API key, header values) out of text a provider echoes back, so an error
 * message or a stored body never carries them.
 */
final class Redactor {
  static final String MASK = "***";

  /** Shorter values are too likely to be ordinary words to blank out everywhere. */
  private static final int MIN_SECRET_LENGTH = 6;

  private static final Pattern OPENAI_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{8,}");

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(s -> s.length() >= MIN_SECRET_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The text with every known secret blanked: for bodies, which must otherwise stay as sent. */
  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** Like {@link #redact}, and anything shaped like an OpenAI key blanked too: for messages. */
  String redactMessage(String text) {
    return OPENAI_KEY.matcher(redact(text)).replaceAll("sk-" + MASK);
  }
}
