package dev.vis.engine;

import java.nio.file.Path;

/** The command line that finishes an unfinished run, as vis prints it in hints. */
public final class ResumeCommand {
  private ResumeCommand() {}

  /** {@code vis run SPEC --resume RUN}, with the spec path as the user gave it. */
  public static String of(Path specFile, String runId) {
    return "vis run " + specFile + " --resume " + runId;
  }
}
