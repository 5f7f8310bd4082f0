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
    objects(json, "prompts", tallies.prompts(), JsonTallies::prompt);
    objects(json, "models", tallies.models(), JsonTallies::model);
    objects(json, "cells", tallies.cells(), JsonTallies::cell);
    json.writeEndObject();
  }

  private static void prompt(JsonGenerator json, TallyPrompt p) throws IOException {
    json.writeStringField("id", p.id());
    json.writeStringField("text", p.text());
    json.writeBooleanField("branded", p.branded());
  }

  private static void model(JsonGenerator json, TallyModel m) throws IOException {
    json.writeStringField("id", m.id());
    json.writeStringField("provider", m.provider());
    json.writeStringField("model", m.model());
    json.writeBooleanField("web_search", m.webSearch());
  }

  private static void cell(JsonGenerator json, PromptModelTally c) throws IOException {
    json.writeStringField("prompt_id", c.promptId());
    json.writeStringField("model_id", c.modelId());
    json.writeNumberField("answers", c.answers());
    array(json, "named", c.named(), (j, n) -> j.writeNumber(n));
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
