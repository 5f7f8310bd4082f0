package dev.vis.cli;

import dev.vis.store.StoreWarmUp;
import java.util.Optional;
import java.util.Set;

/**
 * The store's one-time set-up ({@link StoreWarmUp}) on a second thread, started as {@code main}
 * begins for {@code vis run}, so that it overlaps picocli's set-up and the spec's parsing on the
 * main thread instead of following them. Only {@code run}: the commands that open their database
 * right after picocli (a report) left it too little to overlap, and took more CPU with it than
 * without.
 */
final class WarmUp {
  /** The commands that get it. */
  static final Set<String> STORE_COMMANDS = Set.of("run");

  /** The words after which a command opens no database: help, the version, a dry run. */
  private static final Set<String> NO_STORE =
      Set.of("-h", "--help", "-V", "--version", "--dry-run");

  private WarmUp() {}

  /** Starts the set-up when the command line names a command that gets it. */
  static Optional<Thread> start(String[] args) {
    if (!opensStore(args)) {
      return Optional.empty();
    }
    return Optional.of(Thread.ofPlatform().name("vis-warm-up").daemon().start(StoreWarmUp::run));
  }

  /** Whether the command line's first word names a command that gets the set-up. */
  static boolean opensStore(String[] args) {
    String command = null;
    for (String arg : args) {
      if (NO_STORE.contains(arg)) {
        return false;
      }
      if (command == null && !arg.startsWith("-")) {
        command = arg;
      }
    }
    return command != null && STORE_COMMANDS.contains(command);
  }

  /**
   * Waits for the set-up to end, so that the JVM's exit never finds its thread inside SQLite (it
   * waits up to 0.3 s for a thread in native code).
   */
  static void finish(Optional<Thread> warmUp) {
    warmUp.ifPresent(
        t -> {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
