package dev.vis.cli;

import dev.vis.engine.Sleeper;
import dev.vis.spec.Secrets;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process against captured stdout and stderr, with its own environment and a
 * sleeper that records waits (retry delays, the drain after Ctrl-C) instead of waiting.
 */
final class CommandHarness {
  final Path dir;
  final Map<String, String> env = new HashMap<>();
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  /** What a recorded wait does besides: nothing, unless a test holds it. */
  volatile Sleeper waits = d -> {};

  volatile Interrupts interrupts = Interrupts.NONE;

  /** The commands' clock: the system's, unless a test speeds time up. */
  volatile Clock clock = Clock.systemUTC();

  /** Whether the command sees a terminal, and what its user types there. */
  volatile boolean terminal;

  volatile String typed = "";

  CommandHarness(Path dir) {
    this.dir = dir;
    env.put("VIS_DB", dir.resolve("vis.db").toString());
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Sleeper sleeper =
        d -> {
          sleeps.add(d);
          waits.sleep(d);
        };
    CliContext context =
        new CliContext(
            env,
            clock,
            sleeper,
            () -> 0.5,
            terminal,
            interrupts,
            new Secrets(),
            new BufferedReader(new StringReader(typed)));
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
    return new Result(code, out.toString(), err.toString());
  }

  /** The first column of the only row of {@code sql}, asked of the harness's database. */
  String text(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The number in the first column of the only row of {@code sql}. */
  int count(String sql) throws SQLException {
    return Integer.parseInt(text(sql));
  }

  /** How many tasks of {@code model} are in {@code status} in the harness's database. */
  int tasks(String model, String status) throws SQLException {
    return count(
        "SELECT count(*) FROM tasks WHERE model_id = '%s' AND status = '%s'"
            .formatted(model, status));
  }

  /**
   * What one command printed and returned; its toString shows everything when an assertion fails.
   */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }

    String runId() {
      return out.strip();
    }

    /**
     * Asserts the exit code and that stderr holds each of {@code messages} (none: only the code is
     * checked) and no stack trace or exception name, showing everything when any of it is off.
     */
    Result assertExit(int code, String... messages) {
      Exits.assertExit(exitCode, err, this::toString, code, messages);
      return this;
    }
  }
}
