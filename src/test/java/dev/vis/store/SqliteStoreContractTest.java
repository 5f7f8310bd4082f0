package dev.vis.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on {@link SqliteStore}: a real file under a fresh directory per test. */
class SqliteStoreContractTest extends StoreContractTest {
  @TempDir Path dir;

  @Override
  protected Store open(Access access, Clock clock, Map<String, String> env) {
    return Stores.open(dir.resolve("vis.db").toString(), access, clock, env);
  }

  @Override
  protected void stampSchemaVersion(int version) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + version);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
