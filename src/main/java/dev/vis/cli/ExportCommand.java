package dev.vis.cli;

import dev.vis.report.ExportFormat;
import dev.vis.report.RowSink;
import dev.vis.store.ExportTable;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vis export [RUN]}: streams a run's raw rows for other tools. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Streams a run's raw data for other tools, in constant memory.",
      "Tables: responses (one row per task), mentions (answer x brand), citations (answer x URL)."
    })
final class ExportCommand extends Subcommand {
  @Mixin OutputOptions output;

  @Mixin RunArgument run;

  @Option(
      names = {"-t", "--table"},
      paramLabel = "TABLE",
      completionCandidates = OptionValues.ExportTables.class,
      defaultValue = "responses",
      description = "Table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  ExportTable table;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      completionCandidates = OptionValues.ExportFormats.class,
      defaultValue = "jsonl",
      description = "Row format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, lossless)")
  String format;

  @Override
  public Integer call() throws Exception {
    ExportFormat exportFormat = ExportFormat.parse(format);
    output.check();
    try (Store db = readStore()) {
      RunSummary summary = db.run(run.reference);
      output.write(
          out(),
          w -> {
            // the sink closes its writer when done; stdout must stay open
            try (RowSink sink = RowSink.of(exportFormat, new KeepOpen(w))) {
              sink.header(table.columns());
              db.export(
                  summary.id(),
                  table,
                  row -> {
                    try {
                      sink.row(row);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
          });
    }
    return 0;
  }

  /** A writer whose close only flushes. */
  private static final class KeepOpen extends FilterWriter {
    KeepOpen(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
