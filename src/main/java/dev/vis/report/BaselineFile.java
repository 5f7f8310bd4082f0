package dev.vis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.VisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a JSON report file (rendered by {@code vis report --format json}) back as a baseline. */
final class BaselineFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BaselineFile() {}

  /** Whether {@code --baseline} names a file rather than a run: it exists or ends in .json. */
  static boolean isFile(String reference) {
    return reference.toLowerCase(Locale.ROOT).endsWith(".json")
        || Files.isRegularFile(Path.of(reference));
  }

  /**
   * The baseline in {@code file}.
   *
   * @throws VisException with exit code 2 when the file is missing, unreadable, not JSON, not a vis
   *     report, of another schema version, or incomplete
   */
  static Baseline read(Path file) {
    String where = "--baseline " + file;
    if (!Files.isRegularFile(file)) {
      throw VisException.usage(where + ": no such file");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw VisException.usage(
          where
              + ": not JSON (line "
              + e.getLocation().getLineNr()
              + "): "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw VisException.usage(where + ": cannot read it: " + e.getMessage());
    }
    JsonNode schema = root == null || !root.isObject() ? null : root.get("schema");
    if (schema == null
        || !schema.isTextual()
        || !schema.asText().startsWith(JsonReportRenderer.SCHEMA_PREFIX)) {
      throw VisException.usage(
          where
              + ": not a vis JSON report (no \"schema\": \""
              + JsonReportRenderer.SCHEMA
              + "\"); render one with: vis report RUN --format json --out FILE.json");
    }
    if (!JsonReportRenderer.BASELINE_SCHEMAS.contains(schema.asText())) {
      throw VisException.usage(
          where
              + ": report schema "
              + schema.asText()
              + ", but this vis reads "
              + String.join(", ", JsonReportRenderer.BASELINE_SCHEMAS)
              + "; render the baseline again with this vis"
              + " (vis report RUN --format json) if its database is at hand");
    }
    try {
      return new Baseline(
          file.toString(),
          JsonRunFacts.read(JsonFields.object(root, "run")),
          JsonTallies.read(JsonFields.object(root, "tallies")));
    } catch (JsonFields.BadReportException | IllegalArgumentException e) {
      throw VisException.usage(where + ": a damaged vis report: " + e.getMessage());
    }
  }
}
