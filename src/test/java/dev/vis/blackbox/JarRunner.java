package dev.vis.blackbox;

import dev.vis.cli.Exits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the shaded {@code vis.jar} as a user would: in a fresh JVM started as {@code ./vis} starts
 * it ({@link LauncherCache}: {@code java -jar}, or the class path of its start-up cache), in a
 * working folder of its own, with an environment built from nothing (the developer's variables
 * never leak in), stdout and stderr captured apart.
 *
 * <p>Immutable: {@link #withEnv} returns a new runner sharing the same folders.
 */
final class JarRunner {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Path java;
  private final Path jar;
  private final Path workDir;
  private final Path logs;
  private final Map<String, String> env;
  private final AtomicInteger invocations;

  /**
   * A runner working in {@code root/work}, with {@code HOME} at {@code root/home}.
   *
   * @param root an empty folder (a {@code @TempDir})
   */
  static JarRunner in(Path root) {
    Path jar = Path.of(requiredProperty("vis.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the black-box tests run after package");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", createDirectories(root.resolve("home")).toString());
    return new JarRunner(
        java,
        jar,
        createDirectories(root.resolve("work")),
        createDirectories(root.resolve("logs")),
        env,
        new AtomicInteger());
  }

  private JarRunner(
      Path java,
      Path jar,
      Path workDir,
      Path logs,
      Map<String, String> env,
      AtomicInteger invocations) {
    this.java = java;
    this.jar = jar;
    this.workDir = workDir;
    this.logs = logs;
    this.env = Map.copyOf(env);
    this.invocations = invocations;
  }

  /** The folder vis runs in: {@code ./vis.db} is here. */
  Path workDir() {
    return workDir;
  }

  /** This runner with one more environment variable. */
  JarRunner withEnv(String name, String value) {
    Map<String, String> next = new HashMap<>(env);
    next.put(name, value);
    return new JarRunner(java, jar, workDir, logs, next, invocations);
  }

  /** Runs {@code vis ARGS} to its end; fails the test if it takes longer than {@link #TIMEOUT}. */
  Result run(String... args) {
    return start(args).await(TIMEOUT);
  }

  /** Starts {@code vis ARGS} and returns at once. */
  Running start(String... args) {
    int n = invocations.incrementAndGet();
    Path out = logs.resolve(n + ".out");
    return start(Redirect.to(out.toFile()), Optional.of(out), n, args);
  }

  /** Runs {@code vis ARGS} with stdout sent to {@code file} (such as {@code /dev/full}). */
  Result runWithStdout(Path file, String... args) {
    return start(Redirect.to(file.toFile()), Optional.empty(), invocations.incrementAndGet(), args)
        .await(TIMEOUT);
  }

  /** Starts {@code vis ARGS} with stdout on a pipe the test reads ({@link Running#stdout()}). */
  Running startPiped(String... args) {
    return start(Redirect.PIPE, Optional.empty(), invocations.incrementAndGet(), args);
  }

  private Running start(Redirect stdout, Optional<Path> out, int n, String... args) {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(LauncherCache.flags(jar, List.of(args)));
    command.addAll(List.of(args));
    Path err = logs.resolve(n + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout)
            .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close(); // vis reads no stdin: give it an immediate end of input
      return new Running(List.of(args), process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A vis process started by {@link #start}; closing it kills it if it still runs. */
  static final class Running implements AutoCloseable {
    private final List<String> args;
    private final Process process;
    private final Optional<Path> out;
    private final Path err;

    private Running(List<String> args, Process process, Optional<Path> out, Path err) {
      this.args = args;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    long pid() {
      return process.pid();
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Waits up to {@code time} for the process to end; returns whether it ended. */
    boolean waitFor(Duration time) {
      try {
        return process.waitFor(time.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for vis " + args, e);
      }
    }

    /**
     * Waits until {@code condition} holds; fails the test when vis ends first or {@link #TIMEOUT}
     * passes.
     */
    void awaitWhileRunning(BooleanSupplier condition, String what) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!condition.getAsBoolean()) {
        if (!process.isAlive()) {
          throw new AssertionError("vis ended before " + what + "\n" + transcript());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no " + what + " after " + TIMEOUT + "\n" + transcript());
        }
        waitFor(Duration.ofMillis(10)); // a short pause that ends early if vis exits
      }
    }

    /** Waits for the end; kills the process and fails the test when {@code timeout} passes. */
    Result await(Duration timeout) {
      if (!waitFor(timeout)) {
        Result partial = kill();
        throw new AssertionError("vis " + args + " did not end within " + timeout + "\n" + partial);
      }
      return result();
    }

    /** SIGINT, as Ctrl-C in a terminal sends it; returns at once. */
    void interrupt() {
      signal("INT");
    }

    /** SIGHUP, as a closed terminal or a dropped SSH session sends it; returns at once. */
    void hangUp() {
      signal("HUP");
    }

    /** The process's stdout, for a runner started with {@link JarRunner#startPiped}. */
    InputStream stdout() {
      return process.getInputStream();
    }

    private void signal(String name) {
      try {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
          throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * SIGTERM, as {@code kill PID}, a CI job's cancel or a container stop sends it; returns at
     * once.
     */
    void terminate() {
      process.destroy();
    }

    /** What the process printed on stderr so far. */
    String errSoFar() {
      return read(err);
    }

    /** SIGKILL, as {@code kill -9} or a crash would: no shutdown hook runs. Waits for the end. */
    Result kill() {
      process.destroyForcibly();
      waitFor(TIMEOUT);
      return result();
    }

    /** What the process printed so far, for failure messages. */
    String transcript() {
      return "vis "
          + String.join(" ", args)
          + (process.isAlive() ? " (running)" : "")
          + "\n--- stdout ---\n"
          + out.map(JarRunner::read).orElse("(not captured)\n")
          + "--- stderr ---\n"
          + read(err);
    }

    private Result result() {
      return new Result(args, process.exitValue(), out.map(JarRunner::read).orElse(""), read(err));
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        kill();
      }
    }
  }

  /** What one finished command printed and returned; its toString shows all of it. */
  record Result(List<String> args, int exitCode, String out, String err) {
    /**
     * Asserts the exit code and that stderr holds each of {@code messages} and no stack trace or
     * exception name, showing all of it when any of it is off.
     */
    Result assertExit(int code, String... messages) {
      Exits.assertExit(exitCode, err, this::toString, code, messages);
      return this;
    }

    @Override
    public String toString() {
      return "vis "
          + String.join(" ", args)
          + "\n--- exit "
          + exitCode
          + " ---\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + name
              + " is not set: run the black-box tests with ./build test (mvn verify)");
    }
    return value;
  }
}
