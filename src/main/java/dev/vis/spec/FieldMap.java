package dev.vis.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping with a fixed set of fields: unknown keys are reported (with a did-you-mean) when it is
 * opened, and each field is read by name.
 */
final class FieldMap {
  private final Field self;
  private final Map<String, Field> fields = new HashMap<>();

  private FieldMap(Field self) {
    this.self = self;
  }

  /** Opens a mapping, reporting keys not in {@code allowed}; empty if the value is no mapping. */
  static Optional<FieldMap> open(Field field, List<String> allowed) {
    if (!(field.value() instanceof MappingNode map)) {
      return field.fail("expected a mapping, got " + field.describe());
    }
    FieldMap fields = new FieldMap(field);
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        continue; // reported by YamlTree
      }
      String key = keyNode.getValue();
      Field child =
          new Field(field.ctx(), Field.join(field.path(), key), keyNode, tuple.getValueNode());
      if (!seen.add(key) || key.equals("<<") || YamlTree.isApiKey(key)) {
        continue; // duplicates, merge keys and api_key are reported by YamlTree
      }
      if (!allowed.contains(key)) {
        child.report(
            DidYouMean.closest(key, allowed)
                .map(s -> "unknown field (did you mean '" + s + "'?)")
                .orElse("unknown field; allowed here: " + String.join(", ", allowed)));
        continue;
      }
      fields.fields.put(key, child);
    }
    return Optional.of(fields);
  }

  boolean has(String key) {
    return get(key).isPresent();
  }

  /** The field, when written with a value other than null. */
  Optional<Field> get(String key) {
    return Optional.ofNullable(fields.get(key)).filter(f -> !f.isNull());
  }

  /** The field, or a located "is required" problem (at the mapping) and empty. */
  Optional<Field> required(String key) {
    Optional<Field> field = get(key);
    if (field.isEmpty()) {
      Field written = fields.get(key);
      if (written != null) {
        written.report("is required");
      } else {
        self.ctx()
            .report(self.ctx().where(self.value(), Field.join(self.path(), key)), "is required");
      }
    }
    return field;
  }
}
