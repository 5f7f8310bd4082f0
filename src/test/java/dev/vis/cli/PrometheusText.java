package dev.vis.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: it throws on
 * anything the format does not allow (a bad name, label or escape, a value Go would not parse, a
 * sample before its family's TYPE, a family split in two, a series twice, no final line feed).
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
  private static final Pattern VALUE =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Inf|NaN");

  private PrometheusText() {}

  /** Every sample as {@code name{labels}} (labels as written) to its value. */
  static Map<String, Double> parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the text does not end with a line feed");
    }
    Map<String, String> types = new HashMap<>();
    Set<String> closed = new HashSet<>();
    Map<String, Double> samples = new LinkedHashMap<>();
    String current = null;
    int n = 0;
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      n++;
      Matcher m;
      if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null) {
          throw error(n, "a second TYPE for " + m.group(1));
        }
        current = open(m.group(1), current, closed, n);
      } else if ((m = HELP.matcher(line)).matches()) {
        current = open(m.group(1), current, closed, n);
      } else if (line.startsWith("#")) {
        if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
          throw error(n, "malformed " + line);
        }
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String family = family(m.group(1), types);
        if (family == null) {
          throw error(n, "a sample of " + m.group(1) + " before its TYPE");
        }
        current = open(family, current, closed, n);
        String labels = m.group(3) == null ? "" : m.group(3);
        checkLabels(labels, n);
        if (!VALUE.matcher(m.group(4)).matches()) {
          throw error(n, "not a float: " + m.group(4));
        }
        String series = m.group(1) + "{" + labels + "}";
        if (samples.put(series, Double.parseDouble(m.group(4).replace("Inf", "Infinity")))
            != null) {
          throw error(n, "the series " + series + " twice");
        }
      } else {
        throw error(n, "not a comment or a sample: " + line);
      }
    }
    return samples;
  }

  private static String open(String family, String current, Set<String> closed, int n) {
    if (family.equals(current)) {
      return current;
    }
    if (!closed.add(family)) {
      throw error(n, "the family " + family + " is split in two");
    }
    return family;
  }

  /** The family a sample belongs to: its own name or, for summaries, without _sum or _count. */
  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : new String[] {"_sum", "_count", "_bucket"}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        String type = types.get(base);
        if ("summary".equals(type) || "histogram".equals(type)) {
          return base;
        }
      }
    }
    return null;
  }

  private static void checkLabels(String labels, int n) {
    Set<String> names = new HashSet<>();
    Matcher m = LABEL.matcher(labels);
    int at = 0;
    while (at < labels.length()) {
      if (!m.find(at) || m.start() != at) {
        throw error(n, "malformed labels: " + labels);
      }
      if (!names.add(m.group(1))) {
        throw error(n, "the label " + m.group(1) + " twice");
      }
      at = m.end();
    }
  }

  private static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException("line " + line + ": " + message);
  }
}
