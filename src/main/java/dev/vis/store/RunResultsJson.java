package dev.vis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vis.analysis.DomainCounts;
import dev.vis.analysis.GroupCounts;
import dev.vis.analysis.RunCounts;
import dev.vis.analysis.UntrackedBrand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of table {@code run_results} as JSON arrays of arrays: a group of counts is {@code
 * [prompt, model, grounded, answers, counted, mentions, positions]}, a cited domain {@code [prompt,
 * grounded, domain, brand or null, answers]}, a served model {@code [model id, served or null,
 * answers]}, an untracked brand {@code [name, answers]}.
 */
final class RunResultsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunResultsJson() {}

  static String counts(RunCounts counts) {
    ArrayNode root = JSON.createArrayNode();
    ArrayNode groups = root.addArray();
    for (GroupCounts g : counts.groups()) {
      ArrayNode row = groups.addArray();
      row.add(g.prompt()).add(g.model()).add(g.grounded() ? 1 : 0).add(g.answers());
      ArrayNode counted = row.addArray();
      for (long[] values : g.counted()) {
        longs(counted.addArray(), values);
      }
      longs(row.addArray(), g.mentions());
      ArrayNode positions = row.addArray();
      for (long[] values : g.positions()) {
        longs(positions.addArray(), values);
      }
    }
    ArrayNode domains = root.addArray();
    for (DomainCounts d : counts.domains()) {
      domains
          .addArray()
          .add(d.prompt())
          .add(d.grounded() ? 1 : 0)
          .add(d.domain())
          .add(d.brand().orElse(null))
          .add(d.answers());
    }
    return write(root);
  }

  /**
   * @param answers the answers the counts cover, a column of its own
   */
  static RunCounts counts(long answers, String json) {
    JsonNode root = read(json);
    List<GroupCounts> groups = new ArrayList<>();
    for (JsonNode row : root.get(0)) {
      JsonNode counted = row.get(4);
      long[][] countedValues = new long[counted.size()][];
      for (int c = 0; c < counted.size(); c++) {
        countedValues[c] = longs(counted.get(c));
      }
      JsonNode positions = row.get(6);
      long[][] positionValues = new long[positions.size()][];
      for (int b = 0; b < positions.size(); b++) {
        positionValues[b] = longs(positions.get(b));
      }
      groups.add(
          new GroupCounts(
              row.get(0).asInt(),
              row.get(1).asInt(),
              row.get(2).asInt() == 1,
              row.get(3).asLong(),
              countedValues,
              longs(row.get(5)),
              positionValues));
    }
    List<DomainCounts> domains = new ArrayList<>();
    for (JsonNode row : root.get(1)) {
      domains.add(
          new DomainCounts(
              row.get(0).asInt(),
              row.get(1).asInt() == 1,
              row.get(2).asText(),
              text(row.get(3)),
              row.get(4).asLong()));
    }
    return new RunCounts(answers, groups, domains);
  }

  static String served(List<ServedModel> served) {
    ArrayNode root = JSON.createArrayNode();
    for (ServedModel s : served) {
      root.addArray().add(s.modelId()).add(s.servedModel().orElse(null)).add(s.answers());
    }
    return write(root);
  }

  static List<ServedModel> served(String json) {
    List<ServedModel> served = new ArrayList<>();
    for (JsonNode row : read(json)) {
      served.add(new ServedModel(row.get(0).asText(), text(row.get(1)), row.get(2).asLong()));
    }
    return served;
  }

  static String untracked(List<UntrackedBrand> brands) {
    ArrayNode root = JSON.createArrayNode();
    for (UntrackedBrand b : brands) {
      root.addArray().add(b.name()).add(b.answers());
    }
    return write(root);
  }

  static List<UntrackedBrand> untracked(String json) {
    List<UntrackedBrand> brands = new ArrayList<>();
    for (JsonNode row : read(json)) {
      brands.add(new UntrackedBrand(row.get(0).asText(), row.get(1).asInt()));
    }
    return brands;
  }

  private static void longs(ArrayNode array, long[] values) {
    for (long v : values) {
      array.add(v);
    }
  }

  private static long[] longs(JsonNode array) {
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asLong();
    }
    return values;
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static String write(JsonNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("corrupt run_results column: " + e.getOriginalMessage());
    }
  }
}
