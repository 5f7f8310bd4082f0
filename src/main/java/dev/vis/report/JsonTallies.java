package dev.vis.report;

import static dev.vis.report.JsonWrites.array;
import static dev.vis.report.JsonWrites.objects;
import static dev.vis.report.JsonWrites.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.analysis.PromptModelTally;
import dev.vis.analysis.RunTallies;
import dev.vis.analysis.TallyModel;
import dev.vis.analysis.TallyPrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tallies} object of the JSON report: the per-(prompt, model, brand) counts a later
 * run's gate compares against, written and read back.
 */
final class JsonTallies {
  private JsonTallies() {}

  static void write(JsonGenerator json, RunTallies tallies) throws IOException {
    json.writeStartObject();
    strings(json, "brands", tallies.brands());
    json.writeStringField("brand_rules", tallies.brandRules());
    objects(
        json,
        "prompts",
        tallies.prompts(),
        (j, p) -> {
          j.writeStringField("id", p.id());
          j.writeStringField("text", p.text());
          j.writeBooleanField("branded", p.branded());
        });
    objects(
        json,
        "models",
        tallies.models(),
        (j, m) -> {
          j.writeStringField("id", m.id());
          j.writeStringField("provider", m.provider());
          j.writeStringField("model", m.model());
          j.writeBooleanField("web_search", m.webSearch());
        });
    objects(
        json,
        "cells",
        tallies.cells(),
        (j, c) -> {
          j.writeStringField("prompt_id", c.promptId());
          j.writeStringField("model_id", c.modelId());
          j.writeNumberField("answers", c.answers());
          array(j, "named", c.named(), (k, n) -> k.writeNumber(n));
        });
    json.writeEndObject();
  }

  /** The tallies of a JSON report, checked for the shape and consistency the gate relies on. */
  static RunTallies read(JsonNode node) {
    List<String> brands = JsonFields.strings(node, "brands");
    List<TallyPrompt> prompts = new ArrayList<>();
    for (JsonNode p : JsonFields.array(node, "prompts")) {
      prompts.add(
          new TallyPrompt(
              JsonFields.text(p, "id"), JsonFields.text(p, "text"), JsonFields.bool(p, "branded")));
    }
    List<TallyModel> models = new ArrayList<>();
    for (JsonNode m : JsonFields.array(node, "models")) {
      models.add(
          new TallyModel(
              JsonFields.text(m, "id"),
              JsonFields.text(m, "provider"),
              JsonFields.text(m, "model"),
              JsonFields.bool(m, "web_search")));
    }
    List<PromptModelTally> cells = new ArrayList<>();
    for (JsonNode c : JsonFields.array(node, "cells")) {
      long answers = JsonFields.count(c, "answers");
      List<Long> named = new ArrayList<>();
      for (JsonNode n : JsonFields.array(c, "named")) {
        if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > answers) {
          throw new JsonFields.BadReportException(
              "'named' holds " + n + ", not a count between 0 and the cell's answers");
        }
        named.add(n.asLong());
      }
      if (named.size() != brands.size()) {
        throw new JsonFields.BadReportException(
            "a cell has " + named.size() + " 'named' counts for " + brands.size() + " brands");
      }
      cells.add(
          new PromptModelTally(
              JsonFields.text(c, "prompt_id"), JsonFields.text(c, "model_id"), answers, named));
    }
    return new RunTallies(brands, JsonFields.text(node, "brand_rules"), prompts, models, cells);
  }
}
