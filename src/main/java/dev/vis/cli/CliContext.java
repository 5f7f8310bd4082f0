package dev.vis.cli;

import dev.vis.engine.Sleeper;
import dev.vis.spec.Secrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What the commands take from the world instead of reaching for it: environment, time, waiting,
 * randomness, whether the console is a terminal and what its user types. Tests pass their own.
 *
 * @param env environment variables
 * @param clock wall clock
 * @param sleeper waits: retry delays, the drain after Ctrl-C
 * @param random jitter source
 * @param terminal whether the console (stdin and stdout) is an interactive terminal
 * @param interrupts where the stop signals (SIGINT, SIGTERM, SIGHUP) come from
 * @param secrets what the process read from the environment for keys, headers and URLs: blanked
 *     from everything it prints
 * @param input what the user types (stdin), read only to answer a confirmation on a terminal
 */
public record CliContext(
    Map<String, String> env,
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier random,
    boolean terminal,
    Interrupts interrupts,
    Secrets secrets,
    BufferedReader input) {
  public CliContext {
    env = Map.copyOf(env);
  }

  public CliContext(
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random,
      boolean terminal,
      Interrupts interrupts) {
    this(
        env,
        clock,
        sleeper,
        random,
        terminal,
        interrupts,
        new Secrets(),
        new BufferedReader(Reader.nullReader()));
  }

  /** A world where no stop signal ever comes. */
  public CliContext(
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random,
      boolean terminal) {
    this(env, clock, sleeper, random, terminal, Interrupts.NONE);
  }

  static CliContext system() {
    return new CliContext(
        System.getenv(),
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        Math::random,
        isTerminal(),
        new SignalInterrupts(),
        new Secrets(),
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
  }

  /**
   * Whether the console is an interactive terminal. On JDK 21 {@code System.console()} is null when
   * a stream is redirected; from JDK 22 it is not, and {@code Console.isTerminal()} (absent from
   * the 21 API we compile against) tells.
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
