package dev.vis.report;

import dev.vis.VisException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum whose constants are command-line words: written in lower case, parsed in any case.
 * Implemented by enums only.
 */
interface Choice {
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
    throw VisException.usage(
        option + ": unknown value '" + text + "' (expected one of " + labels(type) + ")");
  }

  private static String labels(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
