package dev.vis.store;

import java.util.Optional;

/** Finds the driver's own exception in the chain of causes that Jdbi and the pools wrap it in. */
final class Causes {
  private Causes() {}

  /** The first exception of {@code type} in {@code e}'s chain of causes, {@code e} included. */
  static <T extends Throwable> Optional<T> first(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
