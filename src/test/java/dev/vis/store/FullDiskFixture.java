package dev.vis.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What the full-disk tests share: a small sim spec and a SQLite file capped at a page count. */
final class FullDiskFixture {
  /** Two prompts, one sim model, 100 samples: 200 answers. */
  static final String SPEC =
      """
      version: 1
      name: crm
      brands:
        - name: Acme CRM
          primary: true
        - name: Globex
      prompts:
        - id: best-crm
          text: What is the best CRM for a small business?
        - id: cheap-crm
          text: Which CRM is cheapest?
      models:
        - id: sim-a
          provider: sim
          sim: {seed: 7, mention_rate: {Acme CRM: 0.6, Globex: 0.4}}
      samples: 100
      concurrency: 4
      """;

  private FullDiskFixture() {}

  /**
   * Opens (or creates) a SQLite store whose file may hold {@code maxPages} pages at most, 0 for no
   * cap: a write beyond it meets a full disk.
   */
  static SqliteStore open(Path db, Clock clock, int maxPages) {
    return SqliteStore.open(
        db,
        Access.CREATE,
        clock,
        Map.of(),
        new SqliteConnections.Settings(Duration.ofSeconds(5), MountTable.empty(), maxPages));
  }
}
