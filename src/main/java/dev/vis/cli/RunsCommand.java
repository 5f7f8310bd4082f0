package dev.vis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.report.Choice;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.Timestamps;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vis runs}: lists runs; {@code rm} and {@code prune} delete them. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists runs, newest first: id, name, started, status, tasks ok/failed, cost.",
    subcommands = {RunsRemoveCommand.class, RunsPruneCommand.class})
final class RunsCommand extends Subcommand {
  /** The listing's formats. */
  enum Format implements Choice {
    TABLE,
    JSON
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      completionCandidates = OptionValues.RunsFormats.class,
      defaultValue = "table",
      description = "Listing format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws Exception {
    Format listing = Choice.parse(Format.class, "--format", format);
    try (Store db = readStore()) {
      List<RunSummary> runs = db.runs();
      PrintWriter out = out();
      if (listing == Format.JSON) {
        out.println(json(runs));
      } else {
        table(runs, out);
      }
      out.flush();
    }
    return 0;
  }

  /** The runs as a table: the listing, and what {@code rm} and {@code prune} delete. */
  static void table(List<RunSummary> runs, PrintWriter out) {
    String row = "%-26s  %-20s  %-24s  %-11s  %6s  %6s  %10s  %s%n";
    out.printf(
        Locale.ROOT, row, "ID", "NAME", "STARTED", "STATUS", "OK", "FAILED", "COST_USD", "SOURCE");
    for (RunSummary r : runs) {
      out.printf(
          Locale.ROOT,
          row,
          r.id(),
          TerminalText.escape(r.name()),
          Timestamps.format(r.createdAt()),
          r.status().label(),
          r.ok(),
          r.failed(),
          r.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString(),
          r.sourceRunId().map(s -> "replay of " + s).orElse(""));
    }
  }

  private static String json(List<RunSummary> runs) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (RunSummary r : runs) {
      ObjectNode node = array.addObject();
      node.put("id", r.id());
      node.put("name", r.name());
      node.put("started_at", Timestamps.format(r.createdAt()));
      node.put("finished_at", r.finishedAt().map(Timestamps::format).orElse(null));
      node.put("status", r.status().label());
      node.put("tasks", r.tasks());
      node.put("ok", r.ok());
      node.put("failed", r.failed());
      node.put("pending", r.pending());
      node.put("cost_usd", r.costUsd());
      node.put("unpriced", r.unpriced());
      node.put("source_run_id", r.sourceRunId().orElse(null));
      node.put("spec_path", r.specPath());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
  }
}
