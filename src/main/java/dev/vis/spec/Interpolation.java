package dev.vis.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${VAR}} expansion from an environment map; {@code $${} writes a literal {@code ${}. */
final class Interpolation {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{(" + NAME + ")}");

  private Interpolation() {}

  /**
   * The text with every {@code ${VAR}} replaced; each problem (undefined or malformed variable) is
   * added to {@code errors} and leaves its reference out of the result.
   */
  static String expand(String text, Map<String, String> env, List<String> errors) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          errors.add("unterminated ${ (write $${ for a literal ${)");
          return out.toString();
        }
        String name = text.substring(i + 2, end);
        if (!NAME.matcher(name).matches()) {
          errors.add("'${" + name + "}' is not a valid variable reference (write ${NAME})");
        } else if (!env.containsKey(name)) {
          errors.add("environment variable " + name + " is not set");
        } else {
          out.append(env.get(name));
        }
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The variables the text refers to, in order, repeats included; {@code $${X}} names none. */
  static List<String> references(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static boolean isVariableName(String name) {
    return NAME.matcher(name).matches();
  }
}
