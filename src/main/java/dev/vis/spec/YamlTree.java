package dev.vis.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Parses spec text into a SnakeYAML node tree that keeps every line and column, refusing what would
 * make located errors impossible or the load unsafe: anchors, aliases (and so alias bombs), merge
 * keys, custom tags, duplicate keys, several documents, and a literal {@code api_key}.
 */
final class YamlTree {
  private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

  private final String file;
  private final Problems problems;

  YamlTree(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The top-level mapping, or empty when the text cannot be a spec (problems say why). */
  Optional<MappingNode> parse(String text) {
    Node root;
    try {
      if (!refuseAnchorsAliasesAndTags(text)) {
        return Optional.empty();
      }
      root = new Composer(parser(text), new CoreSchemaResolver(), options()).getSingleNode();
    } catch (MarkedYAMLException e) {
      new YamlSyntaxError(file, text).report(e, problems);
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(Where.file(file), "invalid YAML: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      problems.add(
          Where.file(file), "the file is empty; a spec needs version, brands, prompts and models");
      return Optional.empty();
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(
          at(root.getStartMark(), ""),
          "the top level must be a mapping of fields (version: 1, brands:, prompts:, models: …)");
      return Optional.empty();
    }
    walk(mapping, "");
    return Optional.of(mapping);
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // found and located below, at the second occurrence
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setProcessComments(false);
    return options;
  }

  private static ParserImpl parser(String text) {
    return new ParserImpl(new StreamReader(text), options());
  }

  /**
   * Scans the event stream, before any node is built, so an alias bomb never expands; reports the
   * first anchor and the first alias (with how many more there are), and every custom tag.
   */
  private boolean refuseAnchorsAliasesAndTags(String text) {
    ParserImpl parser = parser(text);
    int anchors = 0;
    int aliases = 0;
    Event firstAnchor = null;
    Event firstAlias = null;
    boolean tagged = false;
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      Event event = parser.getEvent();
      if (event instanceof AliasEvent) {
        firstAlias = aliases++ == 0 ? event : firstAlias;
      } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
        firstAnchor = anchors++ == 0 ? event : firstAnchor;
      }
      String tag =
          event instanceof ScalarEvent s
              ? s.getTag()
              : event instanceof CollectionStartEvent c ? c.getTag() : null;
      if (tag != null && !tag.equals("!") && !tag.startsWith(STANDARD_TAGS)) {
        problems.add(at(event.getStartMark(), ""), "YAML tag " + tag + " is not supported");
        tagged = true;
      }
    }
    refuse(firstAnchor, "&", anchors, "anchors");
    refuse(firstAlias, "*", aliases, "aliases");
    return anchors == 0 && aliases == 0 && !tagged;
  }

  /** Reports the first of {@code count} anchors or aliases, if any: a spec writes values out. */
  private void refuse(Event first, String sigil, int count, String what) {
    if (first != null) {
      problems.add(
          at(first.getStartMark(), ""),
          "YAML "
              + what
              + " ("
              + sigil
              + ((NodeEvent) first).getAnchor()
              + ") are not allowed; write the value out"
              + more(count, what));
    }
  }

  private static String more(int count, String what) {
    return count > 1 ? " (" + count + " " + what + " in this file)" : "";
  }

  private void walk(Node node, String path) {
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + "[" + i + "]");
      }
    } else if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          problems.add(
              at(keyNode.getStartMark(), path), "keys must be plain words, not lists or mappings");
          continue;
        }
        String key = keyScalar.getValue();
        String keyPath = Field.join(path, key);
        Where where = at(keyNode.getStartMark(), keyPath);
        Node first = seen.putIfAbsent(key, keyNode);
        if (first != null) {
          problems.add(
              where,
              "duplicate key '"
                  + key
                  + "' (first at line "
                  + (first.getStartMark().getLine() + 1)
                  + ")");
        } else if (key.equals("<<")) {
          problems.add(where, "YAML merge keys (<<) are not allowed; write the fields out");
        } else if (isApiKey(key) && !path.endsWith(".headers")) {
          problems.add(where, apiKeyMessage());
        }
        walk(tuple.getValueNode(), keyPath);
      }
    }
  }

  static boolean isApiKey(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").equals("apikey");
  }

  static String apiKeyMessage() {
    return "secrets do not belong in a spec; write api_key_env: with the name of the environment"
        + " variable that holds the key (by convention <PROVIDER>_API_KEY, e.g. OPENAI_API_KEY)";
  }

  private Where at(Mark mark, String path) {
    return new Where(file, mark.getLine() + 1, mark.getColumn() + 1, path);
  }
}
