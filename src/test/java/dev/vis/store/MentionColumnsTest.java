package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.MatchRule;
import dev.vis.analysis.Mention;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.RunSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching rules v2 in storage: a mention's list and rule, and a brand's accent rule. */
class MentionColumnsTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);

  private SqliteStore open() {
    return SqliteStore.open(dir.resolve("vis.db"), Access.CREATE, clock, Map.of());
  }

  @Test
  void a_mentions_list_and_rule_are_stored_and_exported() {
    try (SqliteStore store = open()) {
      NewRun run =
          StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0);
      store.createRun(run);
      long task = store.unfinishedTasks(run.id()).get(0).id();
      store.write(List.of(StoreFixtures.answered(task, "Honorable mention: acme.com")));
      Mention secondary =
          new Mention(
              "Acme CRM", 1, 1, OptionalInt.empty(), 19, OptionalInt.of(2), MatchRule.DOMAIN);
      store.write(
          List.of(
              new TaskOutcome.Analysed(task, new AnswerAnalysis(List.of(secondary), List.of()))));

      List<List<Object>> rows = new ArrayList<>();
      store.export(run.id(), ExportTable.MENTIONS, rows::add);

      assertThat(ExportTable.MENTIONS.columns())
          .endsWith("list_rank", "first_offset", "list", "rule");
      assertThat(rows)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.subList(5, 12))
                      .containsExactly("Acme CRM", 1, 1, null, 19, 2, "domain"));
    }
  }

  @Test
  void a_brands_accent_rule_is_kept_with_the_run() {
    RunSpec base = StoreFixtures.spec("crm");
    BrandSpec nestle = new BrandSpec("Nestlé", List.of(), List.of(), List.of(), false, false, true);
    RunSpec spec = base.withBrands(List.of(nestle));
    try (SqliteStore store = open()) {
      store.createRun(StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", spec, T0));
      assertThat(store.storedRun("01JDAAAAAAAAAAAAAAAAAAAAAA").spec().brands())
          .containsExactly(nestle);
    }
  }

  @Test
  void a_database_of_schema_2_gains_the_columns_empty_until_a_replay() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("vis.db");
    Jdbi.create(url).useHandle(h -> Migrations.applyUpTo(h, "old.db", 2));

    try (SqliteStore store = open()) {
      store.checkpoint();
    }

    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(columns(c, "mentions")).contains("list INTEGER", "rule TEXT");
      assertThat(columns(c, "run_brands")).contains("accent_sensitive INTEGER 0");
    }
  }

  private static List<String> columns(Connection c, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        String dflt = rs.getString("dflt_value");
        columns.add(
            rs.getString("name") + " " + rs.getString("type") + (dflt == null ? "" : " " + dflt));
      }
    }
    return columns;
  }
}
