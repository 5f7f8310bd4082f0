package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.cli.AcceptanceWire.Expected;
import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.PriceTable;
import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run whose spec mixes every provider, each behind its own fake server speaking its wire
 * format: answers, citations, grounding and cost are stored for each, and report and export show
 * them.
 */
class MixedProvidersRunTest {
  @TempDir Path dir;
  final List<FakeHttpServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(FakeHttpServer::close);
  }

  @Test
  void stores_answers_citations_grounding_and_cost_for_every_provider() throws Exception {
    List<AcceptanceWire> all = AcceptanceWires.all().toList();
    CommandHarness vis = new CommandHarness(dir);
    StringBuilder models = new StringBuilder("models:\n");
    StringBuilder providers = new StringBuilder("providers:\n");
    Map<String, AcceptanceWire> wireByModel = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      AcceptanceWire wire = all.get(i);
      FakeHttpServer server = wire.start();
      servers.add(server);
      vis.env.putAll(wire.env());
      String name = "p" + i;
      models.append(wire.modelEntry(name));
      providers.append(wire.providerEntry(name, server));
      wireByModel.put(wire.model().id(), wire);
    }
    Path spec = dir.resolve("mixed.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: mixed\n"
            + AcceptanceWires.BRANDS
            + AcceptanceWires.prompts("best-crm", "What is the best CRM?")
            + """
        samples: 2
        """
            + models
            + providers);

    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString() + "\n" + Files.readString(spec)).isZero();
    PriceTable prices = PriceTable.builtIn();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      for (var entry : wireByModel.entrySet()) {
        Expected expected = entry.getValue().expected();
        String modelName = entry.getValue().model().name();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), sum(a.grounded), sum(a.cost_usd), sum(a.searches)"
                        + " FROM tasks t JOIN answers a ON a.id = t.answer_id"
                        + " WHERE t.status = 'ok' AND t.model_id = '"
                        + entry.getKey()
                        + "'");
        rs.next();
        assertThat(rs.getInt(1)).as(entry.getKey() + " answers").isEqualTo(2);
        assertThat(rs.getInt(2))
            .as(entry.getKey() + " grounded")
            .isEqualTo(expected.grounded() ? 2 : 0);
        assertThat(rs.getInt(4))
            .as(entry.getKey() + " searches")
            .isEqualTo(2 * expected.searches());
        Price price = prices.find(modelName, modelName).orElseThrow();
        BigDecimal one = expected.cost(price);
        assertThat(rs.getDouble(3))
            .as(entry.getKey() + " cost")
            .isCloseTo(one.doubleValue() * 2, org.assertj.core.data.Offset.offset(1e-9));
        ResultSet cited =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM citations x JOIN tasks t ON t.id = x.task_id"
                        + " WHERE t.model_id = '"
                        + entry.getKey()
                        + "' AND x.kind = 'cited'");
        cited.next();
        assertThat(cited.getInt(1))
            .as(entry.getKey() + " cited")
            .isEqualTo(2 * expected.cited().size());
      }
    }
    CommandHarness.Result responses =
        vis.run("export", "--table", "responses", "--format", "jsonl");
    assertThat(responses.out().lines().count()).isEqualTo(2L * all.size());
    assertThat(responses.out()).contains("\"grounded\":true", "\"grounded\":false");
    CommandHarness.Result report = vis.run("report");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("Acme CRM");
    for (String model : wireByModel.keySet()) {
      assertThat(report.out()).contains(model);
    }
  }
}
