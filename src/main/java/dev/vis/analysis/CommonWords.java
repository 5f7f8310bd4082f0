package dev.vis.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A few thousand frequent English words (resource {@code common-words.txt}, from SCOWL): a brand
 * term equal to one of them is matched wherever an answer uses the word. Loaded on first use.
 */
final class CommonWords {
  private static final String RESOURCE = "common-words.txt";

  private CommonWords() {}

  /** Whether {@code term}, ignoring case, is one of the words. */
  static boolean contains(String term) {
    return Holder.WORDS.contains(term.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The words of a resource beside this class: one a line, {@code #} comments and blanks left out.
   */
  static Set<String> load(String resource) {
    Set<String> words = new HashSet<>(8192);
    try (InputStream in = CommonWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  private static final class Holder {
    static final Set<String> WORDS = load(RESOURCE);
  }
}
