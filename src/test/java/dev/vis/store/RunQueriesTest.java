package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How SQLite runs the run queries: a reference costs the runs table and one run's tasks. */
class RunQueriesTest {
  @TempDir Path dir;

  @Test
  void one_runs_summary_searches_that_runs_tasks_and_scans_no_other_runs() throws SQLException {
    Path file = dir.resolve("vis.db");
    try (Store store =
        Stores.open(
            file.toString(),
            Access.CREATE,
            Clock.fixed(StoreFixtures.T0, ZoneOffset.UTC),
            Map.of())) {
      store.createRun(
          StoreFixtures.newRun(
              "01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), StoreFixtures.T0));
    }

    List<String> plan = plan(file, RunQueries.ONE);

    assertThat(plan)
        .anyMatch(step -> step.startsWith("SEARCH t USING INDEX tasks_by_run (run_id=?)"));
    assertThat(plan).noneMatch(step -> step.startsWith("SCAN t"));
  }

  private static List<String> plan(Path file, String sql) throws SQLException {
    List<String> steps = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      s.setString(1, "01JDAAAAAAAAAAAAAAAAAAAAAA");
      s.setString(2, "01JDAAAAAAAAAAAAAAAAAAAAAA");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
    }
    return steps;
  }
}
