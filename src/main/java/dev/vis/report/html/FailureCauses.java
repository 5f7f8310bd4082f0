package dev.vis.report.html;

import dev.vis.store.ExportTable;
import dev.vis.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Groups a run's failed tasks by what their stored error says, streaming the responses table. */
final class FailureCauses {
  private static final int MAX_CAUSE = 160;
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("\\d{4,}|\\d+\\.\\d+");

  private FailureCauses() {}

  static List<FailureCount> of(Store db, String runId) {
    List<String> columns = ExportTable.RESPONSES.columns();
    int status = columns.indexOf("status");
    int error = columns.indexOf("error");
    int model = columns.indexOf("model_id");
    Map<List<String>, Long> counts = new HashMap<>();
    db.export(
        runId,
        ExportTable.RESPONSES,
        row -> {
          if ("failed".equals(String.valueOf(row.get(status)))) {
            Object text = row.get(error);
            counts.merge(
                List.of(cause(text == null ? "" : text.toString()), String.valueOf(row.get(model))),
                1L,
                Long::sum);
          }
        });
    List<FailureCount> list = new ArrayList<>();
    counts.forEach((k, n) -> list.add(new FailureCount(k.get(0), k.get(1), n)));
    list.sort(
        Comparator.comparingLong(FailureCount::tasks)
            .reversed()
            .thenComparing(FailureCount::cause)
            .thenComparing(FailureCount::modelId));
    return list;
  }

  /** Blurs quoted details, long numbers (request ids) and decimals, keeping status codes. */
  static String cause(String error) {
    String firstLine = error.strip().lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      return "no reason stored";
    }
    String blurred = NUMBER.matcher(QUOTED.matcher(firstLine).replaceAll("'…'")).replaceAll("N");
    return ChartGeometry.shorten(blurred, MAX_CAUSE);
  }
}
