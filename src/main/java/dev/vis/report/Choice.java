package dev.vis.report;

import dev.vis.VisException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * An enum whose constants are command-line words: written in lower case, parsed in any case, and
 * refused in the same words for every option that takes one of a fixed set. Implemented by enums
 * only.
 */
public interface Choice {
  /** The constant's name, as {@link Enum#name()} gives it. */
  String name();

  /** The lower-case word of the command line. */
  default String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant of {@code type} named {@code text}, in any case.
   *
   * @throws VisException with exit code 2, naming {@code option}, for any other word
   */
  static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    throw unknown(
        option,
        text,
        Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .toList());
  }

  /** The usage error (exit 2) for {@code text}, which is none of the words {@code option} takes. */
  static VisException unknown(String option, String text, Collection<String> expected) {
    return VisException.usage(
        option
            + ": unknown value '"
            + text
            + "' (expected one of "
            + String.join("|", expected)
            + ")");
  }
}
