package dev.vis.spec;

import dev.vis.VisException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values vis reads from the environment for API keys, header values and URLs: secrets for the
 * whole process (SPEC §2 "Secrets"). {@link #redact} blanks each of them, and the bare token inside
 * one ({@code Bearer X} gives {@code X}), to {@value #MASK} in text about to be printed or stored.
 *
 * <p>Thread-safe: secrets are collected before the first call, and every calling thread redacts.
 */
public final class Secrets {
  /** What a secret becomes. */
  public static final String MASK = "***";

  /**
   * Shorter values are left alone. A secret that short can be guessed anyway, while blanking it
   * everywhere would rewrite ordinary text (a port such as 8080, an environment name such as prod,
   * a word of a model's answer) and with it the brand mentions found there.
   */
  static final int MIN_LENGTH = 6;

  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)(?:bearer|basic|token)\\s+(\\S+)\\s*");

  private volatile List<String> values = List.of(); // longest first; replaced whole, under this

  /** A value read from the environment, as vis uses it, and the variable it came from. */
  private record Read(String variable, String value) {}

  /**
   * Collects every secret a run of {@code spec} reads from {@code env}: each model's API key (with
   * surrounding whitespace stripped, as it is sent) and the variables of its header values and base
   * URL. Variables that are not set are left to the checks that report them.
   *
   * @throws VisException (usage) naming each variable whose value holds a line break or another
   *     control character, before any of them is used; the values are never shown
   */
  public void collect(RunSpec spec, Map<String, String> env) {
    List<Read> reads = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    for (ModelSpec model : spec.models()) {
      Endpoint endpoint = spec.endpointOf(model);
      endpoint.apiKeyEnv().ifPresent(name -> read(reads, name, env, true));
      for (String header : endpoint.headers().values()) {
        List<String> variables = Interpolation.references(header);
        variables.forEach(name -> read(reads, name, env, false));
        if (!variables.isEmpty()) {
          headers.add(Interpolation.expand(header, env, new ArrayList<>()));
        }
      }
      endpoint.baseUrl().ifPresent(url -> url.variables().forEach(n -> read(reads, n, env, false)));
    }
    Set<String> refused = new LinkedHashSet<>();
    reads.stream()
        .filter(r -> hasControlCharacter(r.value()))
        .forEach(r -> refused.add(r.variable()));
    if (!refused.isEmpty()) {
      throw VisException.usage(refusal(List.copyOf(refused)));
    }
    List<String> found = new ArrayList<>(headers);
    reads.forEach(r -> found.add(r.value()));
    add(found);
  }

  private static void read(
      List<Read> reads, String variable, Map<String, String> env, boolean key) {
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      reads.add(new Read(variable, key ? value.strip() : value));
    }
  }

  /** Adds values to blank from now on, with the forms a server may echo them in. */
  public synchronized void add(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>(values);
    for (String secret : secrets) {
      List<String> forms = new ArrayList<>(List.of(secret));
      Matcher token = AUTH_SCHEME.matcher(secret);
      if (token.matches()) {
        forms.add(token.group(1));
      }
      for (String form : forms) {
        all.add(form);
        all.add(URLEncoder.encode(form, StandardCharsets.UTF_8));
        all.add(form.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
      }
    }
    values =
        all.stream()
            .filter(s -> s.length() >= MIN_LENGTH)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The text with every secret replaced by {@value #MASK}, longest first. */
  public String redact(String text) {
    String out = text;
    for (String secret : values) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** Whether there is nothing to blank. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether a value holds a line break or another control character: no header can carry one. */
  static boolean hasControlCharacter(String value) {
    return value
        .chars()
        .anyMatch(
            c ->
                Character.isISOControl(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
  }

  /** The message refusing the variables, naming them and never their values. */
  static String refusal(List<String> variables) {
    return (variables.size() == 1
            ? "environment variable " + variables.getFirst() + " holds"
            : "environment variables " + String.join(", ", variables) + " hold")
        + " a line break or another control character, which no API key, header or URL can"
        + " carry: set it again without one (the value is not shown: it is a secret)";
  }
}
