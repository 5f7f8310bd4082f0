package dev.vis.provider;

import dev.vis.spec.Price;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The built-in price table as the resource {@code prices.yaml} beside this class states it: the day
 * its prices were checked, and per provider section a source note and the models' prices.
 *
 * @param asOf the day the built-in prices were checked against the providers' price pages
 * @param prices by model name, in the file's order
 */
record BuiltInPrices(LocalDate asOf, Map<String, Price> prices) {
  static final String RESOURCE = "prices.yaml";

  BuiltInPrices {
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** The table in the resource; a resource that does not read is a build error, so it throws. */
  static BuiltInPrices load() {
    try (InputStream in = BuiltInPrices.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in prices " + RESOURCE, e);
    }
  }

  /**
   * Reads a price file; a section without a source, a price missing or listed twice is an error.
   * SnakeYAML's node tree, not Jackson's data binding: every run loads this table, and building
   * Jackson's YAML mapper and record deserializers for it cost more than the rest of the read.
   */
  static BuiltInPrices read(InputStream in) throws IOException {
    Map<String, Node> file;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      Node root =
          new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options)
              .getSingleNode();
      file = mapping(root, "the file");
    } catch (YAMLException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
    Map<String, Price> prices = new LinkedHashMap<>();
    for (Node node : sequence(file.get("sections"), "sections")) {
      Map<String, Node> section = mapping(node, "a section");
      String provider = text(section.get("provider"));
      String source = text(section.get("source"));
      if (source == null || source.isBlank()) {
        throw new IllegalStateException(RESOURCE + ": the section " + provider + " needs a source");
      }
      BigDecimal sectionFee = decimal(section.get("search_per_1k"));
      mapping(section.get("prices"), provider + " prices")
          .forEach(
              (model, value) -> {
                Map<String, Node> entry = mapping(value, model);
                BigDecimal input = decimal(entry.get("input"));
                BigDecimal output = decimal(entry.get("output"));
                BigDecimal fee = decimal(entry.get("search_per_1k"));
                if (input == null || output == null) {
                  throw new IllegalStateException(
                      RESOURCE + ": " + model + " needs input and output");
                }
                Price price =
                    new Price(input, output, Optional.ofNullable(fee != null ? fee : sectionFee));
                if (prices.put(model, price) != null) {
                  throw new IllegalStateException(RESOURCE + ": " + model + " is listed twice");
                }
              });
    }
    return new BuiltInPrices(LocalDate.parse(text(file.get("as_of"))), prices);
  }

  /** A mapping's values by key, in the file's order. */
  private static Map<String, Node> mapping(Node node, String what) {
    if (!(node instanceof MappingNode map)) {
      throw new IllegalStateException(RESOURCE + ": " + what + " must be a mapping");
    }
    Map<String, Node> values = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      values.put(text(tuple.getKeyNode()), tuple.getValueNode());
    }
    return values;
  }

  private static List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode seq)) {
      throw new IllegalStateException(RESOURCE + ": " + what + " must be a list");
    }
    return seq.getValue();
  }

  /** A scalar's text as written; null when absent or YAML's null. */
  private static String text(Node node) {
    if (node == null || node.getTag().equals(Tag.NULL)) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw new IllegalStateException(RESOURCE + ": expected a single value at line " + line(node));
    }
    return scalar.getValue();
  }

  /** A number exactly as written ({@code 10.00} keeps its two places); null when absent. */
  private static BigDecimal decimal(Node node) {
    String text = text(node);
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          RESOURCE + ": " + text + " at line " + line(node) + " is not a number", e);
    }
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}
