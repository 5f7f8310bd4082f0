package dev.vis.report;

import dev.vis.VisException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses a command-line word into one constant of an enum, case-insensitively. */
final class Choice {
  private Choice() {}

  static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    throw VisException.usage(
        option + ": unknown value '" + text + "' (expected one of " + labels(type) + ")");
  }

  static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static String labels(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Choice::label)
        .collect(Collectors.joining("|"));
  }
}
