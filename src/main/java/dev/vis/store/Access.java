package dev.vis.store;

/** What a command does with the database, which decides how {@link SqliteStore} opens it. */
public enum Access {
  /** Only reads: never creates, migrates, marks or switches the journal mode of the file. */
  READ,
  /** Writes to an existing vis database: marks and migrates it first. */
  WRITE,
  /** Writes, creating the database (owner-only) when the file is missing or empty. */
  CREATE
}
