package dev.vis.cli;

import dev.vis.ExitCode;

/** The signals that stop a run resumably, each with the exit code SPEC §3 gives it. */
public enum StopSignal {
  INT("SIGINT", ExitCode.INTERRUPTED),
  TERM("SIGTERM", ExitCode.TERMINATED),
  HUP("SIGHUP", ExitCode.HUNG_UP);

  private final String label;
  private final int exitCode;

  StopSignal(String label, int exitCode) {
    this.label = label;
    this.exitCode = exitCode;
  }

  /** The name {@code kill -l} and people use, such as {@code SIGTERM}. */
  public String label() {
    return label;
  }

  public int exitCode() {
    return exitCode;
  }
}
