package dev.vis.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.AnswerExplanation;
import dev.vis.analysis.CountedStretch;
import dev.vis.analysis.IgnoredStretch;
import dev.vis.report.Choice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalInt;

/** Prints {@code vis explain}: readable lines for a terminal, or one JSON document for tools. */
abstract sealed class ExplanationPrinter permits ExplanationPrinter.Text, ExplanationPrinter.Json {

  /** Where one explained answer came from. */
  record AnswerPlace(long taskId, String promptId, String modelId, long sample) {}

  /** The formats of {@code vis explain}. */
  enum Format implements Choice {
    TEXT,
    JSON
  }

  static ExplanationPrinter of(String format, PrintWriter out, String runId, String brand) {
    return switch (Choice.parse(Format.class, "--format", format)) {
      case TEXT -> new Text(out);
      case JSON -> new Json(out, runId, brand);
    };
  }

  abstract void answer(AnswerPlace place, AnswerExplanation explanation);

  abstract void finish();

  /** One block per answer, one line per stretch. */
  static final class Text extends ExplanationPrinter {
    private final PrintWriter out;
    private boolean first = true;

    Text(PrintWriter out) {
      this.out = out;
    }

    @Override
    void answer(AnswerPlace place, AnswerExplanation explanation) {
      if (!first) {
        out.println();
      }
      first = false;
      out.printf(
          Locale.ROOT,
          "task %d  prompt %s  model %s  sample %d%n",
          place.taskId(),
          TerminalText.escape(place.promptId()),
          TerminalText.escape(place.modelId()),
          place.sample());
      for (CountedStretch c : explanation.counted()) {
        stretch("counts", c.offset(), c.text(), c.rule().label(), list(c.list(), c.rank()));
      }
      for (IgnoredStretch i : explanation.ignored()) {
        stretch("ignored", i.offset(), i.text(), i.reason().label(), "in " + quoted(i.within()));
      }
    }

    /** One stretch's line: the columns line up whether it counts or is ignored. */
    private void stretch(String verdict, int offset, String text, String why, String where) {
      out.printf(
          Locale.ROOT, "  %-8s @%-6d %-28s %-7s %s%n", verdict, offset, quoted(text), why, where);
    }

    @Override
    void finish() {
      out.flush();
    }

    private static String quoted(String text) {
      return "\"" + TerminalText.escape(text) + "\"";
    }

    private static String list(OptionalInt list, OptionalInt rank) {
      if (list.isEmpty()) {
        return "no list";
      }
      return "list " + list.getAsInt() + (rank.isPresent() ? ", rank " + rank.getAsInt() : "");
    }
  }

  /** {@code {"schema": "vis.explain/1", "run_id", "brand", "answers": [...]}}, streamed. */
  static final class Json extends ExplanationPrinter {
    private final PrintWriter out;
    private final JsonGenerator json;

    Json(PrintWriter out, String runId, String brand) {
      this.out = out;
      try {
        json = new ObjectMapper().getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("schema", "vis.explain/1");
        json.writeStringField("run_id", runId);
        json.writeStringField("brand", brand);
        json.writeArrayFieldStart("answers");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void answer(AnswerPlace place, AnswerExplanation explanation) {
      try {
        json.writeStartObject();
        json.writeNumberField("task_id", place.taskId());
        json.writeStringField("prompt_id", place.promptId());
        json.writeStringField("model_id", place.modelId());
        json.writeNumberField("sample", place.sample());
        json.writeArrayFieldStart("counted");
        for (CountedStretch c : explanation.counted()) {
          counted(c);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("ignored");
        for (IgnoredStretch i : explanation.ignored()) {
          ignored(i);
        }
        json.writeEndArray();
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void counted(CountedStretch c) throws IOException {
      json.writeStartObject();
      json.writeNumberField("offset", c.offset());
      json.writeStringField("text", c.text());
      json.writeStringField("rule", c.rule().label());
      optional(json, "list", c.list());
      optional(json, "rank", c.rank());
      json.writeEndObject();
    }

    private void ignored(IgnoredStretch i) throws IOException {
      json.writeStartObject();
      json.writeNumberField("offset", i.offset());
      json.writeStringField("text", i.text());
      json.writeStringField("reason", i.reason().label());
      json.writeStringField("within", i.within());
      json.writeEndObject();
    }

    @Override
    void finish() {
      try {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.println();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void optional(JsonGenerator json, String field, OptionalInt value)
        throws IOException {
      if (value.isPresent()) {
        json.writeNumberField(field, value.getAsInt());
      } else {
        json.writeNullField(field);
      }
    }
  }
}
