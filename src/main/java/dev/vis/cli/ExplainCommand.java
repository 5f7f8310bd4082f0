package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.analysis.AnswerExplanation;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.ExportTable;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vis explain RUN --brand NAME}: every stretch of every answer that counts for a brand, and
 * every look-alike that does not, read by the analysis itself under the run's brand rules.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, answer by answer, every stretch that counts for a brand (offset, text, rule: name, "
          + "alias or domain; list and rank) and every look-alike that does not, with the reason "
          + "(exclude, url, chip), under the run's own brand rules.",
      "Answers with nothing to show are left out; a count goes to stderr."
    })
final class ExplainCommand extends Subcommand {
  @Mixin RunArgument run;

  @Option(names = "--brand", required = true, paramLabel = "NAME", description = "The brand")
  String brand;

  @Option(names = "--prompt", paramLabel = "ID", description = "Only answers to this prompt")
  String prompt;

  @Option(names = "--model", paramLabel = "ID", description = "Only answers of this model")
  String model;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for a terminal) or json (for tools) (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    try (Store db = openStore()) {
      RunSummary summary = db.run(run.reference);
      RunSpec rules = db.storedRun(summary.id()).spec();
      String name = one("brand", brand, rules.brands(), BrandSpec::name);
      if (prompt != null) {
        one("prompt", prompt, rules.prompts(), PromptSpec::id);
      }
      if (model != null) {
        one("model", model, rules.models(), ModelSpec::id);
      }
      PrintWriter out = out();
      ExplanationPrinter printer = ExplanationPrinter.of(format, out, summary.id(), name);
      AnswerAnalyzer analyzer = new AnswerAnalyzer(rules.brands());
      List<String> columns = ExportTable.RESPONSES.columns();
      int[] shown = new int[2];
      db.export(
          summary.id(),
          ExportTable.RESPONSES,
          row -> {
            Object text = row.get(columns.indexOf("text"));
            String promptId = (String) row.get(columns.indexOf("prompt_id"));
            String modelId = (String) row.get(columns.indexOf("model_id"));
            if (!"ok".equals(row.get(columns.indexOf("status")))
                || text == null
                || (prompt != null && !prompt.equals(promptId))
                || (model != null && !model.equals(modelId))) {
              return;
            }
            shown[1]++;
            AnswerExplanation explanation = analyzer.explain((String) text).of(name);
            if (!explanation.counted().isEmpty() || !explanation.ignored().isEmpty()) {
              shown[0]++;
              printer.answer(
                  new ExplanationPrinter.AnswerPlace(
                      ((Number) row.get(columns.indexOf("task_id"))).longValue(),
                      promptId,
                      modelId,
                      ((Number) row.get(columns.indexOf("sample"))).longValue()),
                  explanation);
            }
          });
      printer.finish();
      out.flush();
      err()
          .printf(
              Locale.ROOT,
              "%s: %d of %d answers have a stretch that counts for %s or looks like it%n",
              summary.id(),
              shown[0],
              shown[1],
              TerminalText.escape(name));
    }
    return 0;
  }

  /** The one item named {@code wanted} (brands ignoring case), or a usage error listing them. */
  private static <T> String one(
      String what, String wanted, List<T> items, Function<T, String> nameOf) {
    for (T item : items) {
      String name = nameOf.apply(item);
      if (what.equals("brand") ? name.equalsIgnoreCase(wanted) : name.equals(wanted)) {
        return name;
      }
    }
    List<String> names = items.stream().map(nameOf).toList();
    throw VisException.usage(
        "--"
            + what
            + ": the run has no "
            + what
            + " '"
            + TerminalText.escape(wanted)
            + "' (it has: "
            + TerminalText.escape(String.join(", ", names.subList(0, Math.min(20, names.size()))))
            + (names.size() > 20 ? ", …" : "")
            + ")");
  }
}
