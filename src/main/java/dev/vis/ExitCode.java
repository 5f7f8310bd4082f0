package dev.vis;

/** The process exit codes of SPEC §3, in one place. */
public final class ExitCode {
  public static final int OK = 0;

  /** The run failed (failure rate over the limit) or an internal error. */
  public static final int FAILED = 1;

  /** Bad usage or an invalid spec. */
  public static final int USAGE = 2;

  /** The regression gate tripped. */
  public static final int GATE = 3;

  /** The run stopped incomplete (budget spent) and can be resumed. */
  public static final int INCOMPLETE = 4;

  /** Interrupted by SIGINT (Ctrl-C); the run can be resumed. */
  public static final int INTERRUPTED = 130;

  /** Stopped by SIGTERM (kill, a CI cancel, a container stop); the run can be resumed. */
  public static final int TERMINATED = 143;

  /** Stopped by SIGHUP (the terminal went away); the run can be resumed. */
  public static final int HUNG_UP = 129;

  private ExitCode() {}
}
