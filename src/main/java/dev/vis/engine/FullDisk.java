package dev.vis.engine;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.store.DiskFullException;
import dev.vis.store.RunStatus;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a run does when the disk fills up under it: it stops {@code interrupted}, keeping every
 * answer committed so far, so that a resume finishes it once there is space, and it says how.
 */
final class FullDisk {
  private FullDisk() {}

  /** Settles the run as well as a full disk allows and returns the error to end with (exit 1). */
  static VisException stop(
      Store store, String runId, Path specFile, DiskFullException full, Instant now) {
    try {
      store.finish(runId, RunStatus.INTERRUPTED, now);
    } catch (VisException stillFull) {
      // the run stays 'running' under this process; once it exits the run is stale, and a stale
      // run resumes just the same
    }
    return new VisException(
        ExitCode.FAILED,
        full.location()
            + ": the disk is full, so run "
            + runId
            + " stopped; every answer stored so far is kept and the run is interrupted: free some"
            + " space, then finish it with: "
            + ResumeCommand.of(specFile, runId),
        full);
  }
}
