package dev.vis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The {@code run} object of the JSON report. */
final class JsonRunFacts {
  private JsonRunFacts() {}

  static void write(JsonGenerator json, RunFacts facts) throws IOException {
    json.writeStartObject();
    json.writeStringField("run_id", facts.runId());
    json.writeStringField("name", facts.name());
    json.writeStringField("status", facts.status());
    json.writeStringField("started_at", facts.startedAt().toString());
    json.writeStringField("finished_at", facts.finishedAt().map(Instant::toString).orElse(null));
    json.writeFieldName("duration_seconds");
    if (facts.finishedAt().isPresent()) {
      Duration d = Duration.between(facts.startedAt(), facts.finishedAt().get());
      JsonReportRenderer.number(json, d.toMillis() / 1000.0);
    } else {
      json.writeNull();
    }
    json.writeArrayFieldStart("model_ids");
    for (String id : facts.modelIds()) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeNumberField("tasks", facts.tasks());
    json.writeNumberField("answers", facts.answers());
    json.writeNumberField("failed", facts.failed());
    json.writeNumberField("pending", facts.pending());
    json.writeFieldName("cost_usd");
    if (facts.costUsd().isPresent()) {
      json.writeNumber(facts.costUsd().get());
    } else {
      json.writeNull();
    }
    json.writeNumberField("unpriced_answers", facts.unpricedAnswers());
    json.writeBooleanField("simulated", facts.simulated());
    json.writeStringField("source_run_id", facts.sourceRunId().orElse(null));
    json.writeStringField("spec_path", facts.specPath());
    json.writeStringField("spec_sha256", facts.specSha256());
    json.writeEndObject();
  }
}
