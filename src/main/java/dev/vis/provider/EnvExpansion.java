package dev.vis.provider;

import dev.vis.VisException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} in a header value from the environment, as the spec loader does for other
 * scalars ({@code $${} writes a literal {@code ${}); header values are kept unexpanded until a
 * provider is built so they are never stored expanded.
 */
final class EnvExpansion {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

  private EnvExpansion() {}

  /**
   * The value with its references replaced.
   *
   * @param where names the value in an error message (the value itself is never shown)
   * @throws VisException (usage) when a variable is undefined or a reference is malformed
   */
  static String expand(String value, Map<String, String> env, String where) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$${")) {
        replacement = "${";
      } else {
        String name = m.group(1).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw VisException.usage(where + ": '${" + name + "}' is not a variable reference");
        }
        replacement = env.get(name);
        if (replacement == null) {
          throw VisException.usage(where + ": environment variable " + name + " is not set");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
