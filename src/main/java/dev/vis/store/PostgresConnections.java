package dev.vis.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Connections to one PostgreSQL database, a few kept open between operations: a new connection is a
 * new server process and a login, which would cost more than most of vis's statements. Keeps at
 * most {@link #IDLE} idle and has at most {@link #OPEN} open at once (an operation waits for one to
 * come back), so a process holds a handful of connections, never hundreds, however many calls it
 * has in flight and however many workers share a run.
 *
 * <p>Thread-safe.
 */
final class PostgresConnections implements ConnectionFactory, AutoCloseable {
  private static final int IDLE = 4;
  static final int OPEN = 8;
  private static final long WAIT_MINUTES = 5;

  private final String url;
  private final Properties properties;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Connection> idle = new ArrayDeque<>(); // guarded by lock
  private final Semaphore open = new Semaphore(OPEN, true);
  private boolean closed; // guarded by lock

  PostgresConnections(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  @Override
  public Connection openConnection() throws SQLException {
    try {
      if (!open.tryAcquire(WAIT_MINUTES, TimeUnit.MINUTES)) {
        throw new SQLException(
            "no database connection came free in " + WAIT_MINUTES + " minutes", "53300");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", "53300", e);
    }
    lock.lock();
    try {
      Connection kept = idle.pollFirst();
      if (kept != null) {
        return kept;
      }
    } finally {
      lock.unlock();
    }
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException | RuntimeException e) {
      open.release();
      throw e;
    }
  }

  /** Keeps a healthy connection for the next operation; a broken one, or one too many, closes. */
  @Override
  public void closeConnection(Connection connection) throws SQLException {
    try {
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
    } finally {
      open.release();
    }
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
