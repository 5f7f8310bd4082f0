package dev.vis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.store.ServedModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code run} object of the JSON report, written and read back. */
final class JsonRunFacts {
  private JsonRunFacts() {}

  static void write(JsonGenerator json, RunFacts facts) throws IOException {
    json.writeStartObject();
    json.writeStringField("run_id", facts.runId());
    json.writeStringField("name", facts.name());
    json.writeStringField("status", facts.status());
    json.writeStringField("started_at", facts.startedAt().toString());
    json.writeStringField("finished_at", facts.finishedAt().map(Instant::toString).orElse(null));
    if (facts.finishedAt().isPresent()) {
      Duration d = Duration.between(facts.startedAt(), facts.finishedAt().get());
      JsonWrites.number(json, "duration_seconds", d.toMillis() / 1000.0);
    } else {
      json.writeNullField("duration_seconds");
    }
    JsonWrites.strings(json, "model_ids", facts.modelIds());
    JsonWrites.strings(json, "models_without_answers", facts.modelsWithoutAnswers());
    json.writeNumberField("tasks", facts.tasks());
    json.writeNumberField("answers", facts.answers());
    json.writeNumberField("failed", facts.failed());
    json.writeNumberField("pending", facts.pending());
    if (facts.costUsd().isPresent()) {
      json.writeNumberField("cost_usd", facts.costUsd().get());
    } else {
      json.writeNullField("cost_usd");
    }
    json.writeNumberField("unpriced_answers", facts.unpricedAnswers());
    json.writeBooleanField("simulated", facts.simulated());
    json.writeStringField("source_run_id", facts.sourceRunId().orElse(null));
    json.writeStringField("spec_path", facts.specPath());
    json.writeStringField("spec_sha256", facts.specSha256());
    JsonWrites.objects(json, "served_models", facts.servedModels(), JsonRunFacts::servedModel);
    json.writeEndObject();
  }

  /** One served model's fields, as the report's run facts and the trend's runs write them. */
  static void servedModel(JsonGenerator json, ServedModel served) throws IOException {
    json.writeStringField("model_id", served.modelId());
    json.writeStringField("served_model", served.servedModel().orElse(null));
    json.writeNumberField("answers", served.answers());
  }

  /** The facts of a JSON report read back, as a baseline. */
  static RunFacts read(JsonNode run) {
    JsonNode cost = run.get("cost_usd");
    JsonNode finished = run.get("finished_at");
    JsonNode source = run.get("source_run_id");
    return new RunFacts(
        JsonFields.text(run, "run_id"),
        JsonFields.text(run, "name"),
        JsonFields.text(run, "status"),
        instant(JsonFields.text(run, "started_at")),
        finished == null || finished.isNull()
            ? Optional.empty()
            : Optional.of(instant(JsonFields.text(run, "finished_at"))),
        JsonFields.strings(run, "model_ids"),
        // vis.report/2 did not name them
        run.has("models_without_answers")
            ? JsonFields.strings(run, "models_without_answers")
            : List.of(),
        JsonFields.count(run, "tasks"),
        JsonFields.count(run, "answers"),
        JsonFields.count(run, "failed"),
        JsonFields.count(run, "pending"),
        cost == null || !cost.isNumber()
            ? Optional.empty()
            : Optional.of(new BigDecimal(cost.asText())),
        JsonFields.count(run, "unpriced_answers"),
        JsonFields.bool(run, "simulated"),
        source == null || source.isNull()
            ? Optional.empty()
            : Optional.of(JsonFields.text(run, "source_run_id")),
        JsonFields.text(run, "spec_path"),
        JsonFields.text(run, "spec_sha256"),
        servedModels(run));
  }

  /** The served models of a report; none in a vis.report/2 or /3 file, which did not name them. */
  private static List<ServedModel> servedModels(JsonNode run) {
    JsonNode served = run.get("served_models");
    if (served == null || !served.isArray()) {
      return List.of();
    }
    List<ServedModel> models = new ArrayList<>();
    for (JsonNode entry : served) {
      JsonNode name = entry.get("served_model");
      models.add(
          new ServedModel(
              JsonFields.text(entry, "model_id"),
              name == null || name.isNull()
                  ? Optional.empty()
                  : Optional.of(JsonFields.text(entry, "served_model")),
              JsonFields.count(entry, "answers")));
    }
    return models;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonFields.BadReportException("'" + text + "' is not an RFC 3339 time");
    }
  }
}
