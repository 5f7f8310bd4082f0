package dev.vis.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Connections to one PostgreSQL database, a few kept open between operations: a new connection is a
 * new server process and a login, which would cost more than most of vis's statements. Keeps at
 * most {@link #IDLE} idle, so a process holds a handful of connections, never hundreds.
 *
 * <p>Thread-safe.
 */
final class PostgresConnections implements ConnectionFactory, AutoCloseable {
  private static final int IDLE = 4;

  private final String url;
  private final Properties properties;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Connection> idle = new ArrayDeque<>(); // guarded by lock
  private boolean closed; // guarded by lock

  PostgresConnections(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  @Override
  public Connection openConnection() throws SQLException {
    lock.lock();
    try {
      Connection kept = idle.pollFirst();
      if (kept != null) {
        return kept;
      }
    } finally {
      lock.unlock();
    }
    return DriverManager.getConnection(url, properties);
  }

  /** Keeps a healthy connection for the next operation; a broken one, or one too many, closes. */
  @Override
  public void closeConnection(Connection connection) throws SQLException {
    if (!connection.isClosed() && connection.getAutoCommit()) {
      lock.lock();
      try {
        if (!closed && idle.size() < IDLE) {
          idle.addFirst(connection);
          return;
        }
      } finally {
        lock.unlock();
      }
    }
    connection.close();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      for (Connection c : idle) {
        try {
          c.close();
        } catch (SQLException e) {
          // the process is done with the database: a connection that will not close is dropped
        }
      }
      idle.clear();
    } finally {
      lock.unlock();
    }
  }
}
