package dev.vis.report;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Unwraps the optional forms a row may carry, so an empty one is written like null. */
final class CellValue {
  private CellValue() {}

  /** The value inside an {@code Optional*}, null when empty, or the value itself. */
  static Object unwrap(Object value) {
    return switch (value) {
      case null -> null;
      case Optional<?> o -> o.isPresent() ? unwrap(o.get()) : null;
      case OptionalDouble o -> o.isPresent() ? o.getAsDouble() : null;
      case OptionalLong o -> o.isPresent() ? o.getAsLong() : null;
      case OptionalInt o -> o.isPresent() ? o.getAsInt() : null;
      case Double d when !Double.isFinite(d) -> null;
      case Float f when !Float.isFinite(f) -> null;
      default -> value;
    };
  }
}
