package dev.vis.store;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on {@link PostgresStore}: a real PostgreSQL server ({@link PostgresServer}), a
 * database of this class's own, emptied of vis's schema before each test.
 */
class PostgresStoreContractTest extends StoreContractTest {
  static String url;

  /**
   * Runs before every {@code @BeforeEach}, so the contract opens the store on an empty database.
   */
  @RegisterExtension
  static final BeforeEachCallback EMPTY_DATABASE =
      context ->
          PostgresServer.execute(
              PostgresServer.databaseOf(url),
              "DROP SCHEMA IF EXISTS " + PostgresSchema.SCHEMA + " CASCADE");

  @BeforeAll
  static void database() {
    url = PostgresServer.freshDatabase();
  }

  @Override
  protected Store open(Access access, Clock clock, Map<String, String> env) {
    return Stores.open(url, access, clock, env);
  }

  @Override
  protected void stampSchemaVersion(int version) {
    PostgresServer.execute(
        PostgresServer.databaseOf(url),
        "UPDATE "
            + PostgresSchema.SCHEMA
            + ".vis_schema SET version = "
            + version
            + " WHERE part = 'core'");
  }
}
