package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns PostgreSQL's errors into messages that name the database (never its password) and the fix,
 * keyed on the SQLSTATE class (never on message text, which the server translates).
 */
final class PostgresErrors {
  private final PostgresLocation location;

  PostgresErrors(PostgresLocation location) {
    this.location = location;
  }

  VisException translate(Exception e) {
    if (e instanceof VisException v) {
      return v;
    }
    Optional<SQLException> sql = sqlCause(e);
    String state = sql.map(SQLException::getSQLState).orElse("");
    String text = redact(sql.map(Throwable::getMessage).orElse(String.valueOf(e.getMessage())));
    String where = location.display();
    // 08004: the driver's own refusal, when the server asks for a password and none was given
    if (state.startsWith("28") || state.equals("08004")) {
      return new VisException(
          ExitCode.USAGE,
          where
              + ": PostgreSQL refused the login ("
              + text
              + "); give the role in the URL and its password in PGPASSWORD or ~/.pgpass",
          e);
    }
    if (state.startsWith("08")) {
      return new VisException(
          ExitCode.FAILED,
          where
              + ": cannot reach the PostgreSQL server ("
              + text
              + "); check the host and port and that the server runs, then run the command again",
          e);
    }
    if (state.equals("3D000")) {
      return new VisException(
          ExitCode.USAGE,
          where + ": " + text + "; create the database first (createdb) or name another one",
          e);
    }
    if (state.equals("42501")) {
      return new VisException(
          ExitCode.USAGE,
          where
              + ": the role may not do this ("
              + text
              + "); vis needs to create and write the tables of schema vis in this database",
          e);
    }
    if (state.equals("53100")) {
      return new DiskFullException(where, e);
    }
    return new VisException(
        ExitCode.FAILED, where + ": database error: " + text + " (SQLSTATE " + state + ")", e);
  }

  /** The text with the password, if one was given, replaced by {@code ***}. */
  String redact(String text) {
    return location
        .password()
        .filter(p -> p.length() > 0)
        .map(p -> text.replace(p, "***"))
        .orElse(text);
  }

  private static Optional<SQLException> sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return Optional.of(s);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
