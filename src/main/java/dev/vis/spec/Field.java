package dev.vis.spec;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the spec with its field path and the node problems point at (the key for a field,
 * the item for a list element); converts itself to the type a field needs, reporting a located
 * problem and returning empty when it cannot.
 */
record Field(ReadContext ctx, String path, Node at, Node value) {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Where where() {
    return ctx.where(at, path);
  }

  void report(String message) {
    ctx.report(where(), message);
  }

  boolean isNull() {
    return value instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /** The scalar's text as written, no {@code ${VAR}} expanded. */
  Optional<String> raw() {
    if (value instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    report("expected a single value, got " + describe());
    return Optional.empty();
  }

  /** The scalar's text with {@code ${VAR}} expanded. */
  Optional<String> string() {
    return raw().flatMap(text -> ctx.expand(text, where()));
  }

  /** A string with something in it besides whitespace. */
  Optional<String> nonBlank() {
    Optional<String> text = string();
    if (text.isPresent() && text.get().isBlank()) {
      report("must not be empty");
      return Optional.empty();
    }
    return text;
  }

  Optional<Integer> integer(int min) {
    return whole(Integer::parseInt)
        .flatMap(n -> n < min ? fail("must be at least " + min + ", got " + n) : Optional.of(n));
  }

  Optional<Long> longInteger() {
    return whole(Long::parseLong);
  }

  private <T> Optional<T> whole(Function<String, T> parse) {
    return string()
        .flatMap(
            text -> {
              if (!INTEGER.matcher(text).matches()) {
                return fail("expected an integer, got '" + text + "'");
              }
              try {
                return Optional.of(parse.apply(text));
              } catch (NumberFormatException e) {
                return fail("integer " + text + " is too large");
              }
            });
  }

  Optional<BigDecimal> decimal() {
    return string()
        .flatMap(
            text ->
                DECIMAL.matcher(text).matches()
                    ? Optional.of(new BigDecimal(text))
                    : fail("expected a number, got '" + text + "'"));
  }

  Optional<BigDecimal> decimalBetween(BigDecimal min, BigDecimal max) {
    return decimal()
        .flatMap(
            n ->
                n.compareTo(min) < 0 || n.compareTo(max) > 0
                    ? fail(
                        "must be between "
                            + min.toPlainString()
                            + " and "
                            + max.toPlainString()
                            + ", got "
                            + n.toPlainString())
                    : Optional.of(n));
  }

  Optional<BigDecimal> nonNegativeDecimal() {
    return decimal()
        .flatMap(
            n ->
                n.signum() < 0
                    ? fail("must not be negative, got " + n.toPlainString())
                    : Optional.of(n));
  }

  Optional<Boolean> bool() {
    return string()
        .flatMap(
            text ->
                switch (text) {
                  case "true", "True", "TRUE" -> Optional.of(true);
                  case "false", "False", "FALSE" -> Optional.of(false);
                  default -> fail("expected true or false, got '" + text + "'");
                });
  }

  Optional<Duration> duration() {
    return string()
        .flatMap(
            text -> {
              Matcher m = DURATION.matcher(text);
              if (!m.matches()) {
                return fail("expected a duration like 60s, 500ms, 2m or 1h, got '" + text + "'");
              }
              long n;
              try {
                n = Long.parseLong(m.group(1));
              } catch (NumberFormatException e) {
                return fail("duration " + text + " is too long");
              }
              return Optional.of(
                  switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                  });
            });
  }

  /** An absolute {@code http(s)} URL with a host. */
  Optional<URI> url() {
    return string()
        .flatMap(
            text -> {
              try {
                URI uri = new URI(text.trim());
                String scheme =
                    uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                  return Optional.of(uri);
                }
              } catch (URISyntaxException e) {
                // reported below, with the example of a good one
              }
              // as written: a variable in a URL may hold a key, so its value is never shown
              return fail(
                  "malformed URL '"
                      + raw().orElseThrow()
                      + "' (expected like https://api.example.com/v1)");
            });
  }

  /** The name of an environment variable (not its value). */
  Optional<String> envName() {
    return string()
        .flatMap(
            text ->
                Interpolation.isVariableName(text)
                    ? Optional.of(text)
                    : fail(
                        "'"
                            + abbreviate(text)
                            + "' is not an environment variable name; write the"
                            + " variable's name (like OPENAI_API_KEY), never the key itself"));
  }

  /** The items of a list; an empty list is reported when {@code nonEmpty}. */
  Optional<List<Field>> items(boolean nonEmpty) {
    if (!(value instanceof SequenceNode seq)) {
      return fail("expected a list, got " + describe());
    }
    if (nonEmpty && seq.getValue().isEmpty()) {
      return fail("must not be empty");
    }
    List<Field> items = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      items.add(new Field(ctx, path + "[" + i + "]", item, item));
    }
    return Optional.of(items);
  }

  /** A list of non-blank strings. */
  List<String> strings() {
    List<String> out = new ArrayList<>();
    items(false).ifPresent(items -> items.forEach(item -> item.nonBlank().ifPresent(out::add)));
    return out;
  }

  /** The entries of a free-form mapping (names chosen by the user), each located at its key. */
  Optional<List<Field>> entries() {
    if (!(value instanceof MappingNode map)) {
      return fail("expected a mapping, got " + describe());
    }
    List<Field> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && seen.add(key.getValue())) {
        entries.add(new Field(ctx, join(path, key.getValue()), key, tuple.getValueNode()));
      }
    }
    return Optional.of(entries);
  }

  /** The last segment of the path: the key of a mapping entry. */
  String key() {
    return ((ScalarNode) at).getValue();
  }

  String describe() {
    return switch (value) {
      case ScalarNode s -> "'" + abbreviate(s.getValue()) + "'";
      case SequenceNode s -> "a list";
      case MappingNode m -> "a mapping";
      default -> "a " + value.getNodeId();
    };
  }

  <T> Optional<T> fail(String message) {
    report(message);
    return Optional.empty();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
