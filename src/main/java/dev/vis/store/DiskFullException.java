package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;

/**
 * SQLite could not write because the disk (or the database's size limit) is full: what was
 * committed before stays, and the command can be run again once there is space. Exit 1.
 */
public final class DiskFullException extends VisException {
  private static final long serialVersionUID = 1L;

  private final String location;

  DiskFullException(String location, Throwable cause) {
    super(
        ExitCode.FAILED,
        location
            + ": the disk is full, so SQLite could not write; everything stored before is kept:"
            + " free some space and run the command again",
        cause);
    this.location = location;
  }

  /** The database, as the user named it. */
  public String location() {
    return location;
  }
}
