package dev.vis.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** URL clean-up and domain normalisation for citations. */
final class WebUrl {
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})",
          Pattern.CASE_INSENSITIVE);

  private WebUrl() {}

  /** The URL without its fragment and without {@code utm_*} query parameters. */
  static String clean(String url) {
    String trimmed = url.strip();
    int hash = trimmed.indexOf('#');
    if (hash >= 0) {
      trimmed = trimmed.substring(0, hash);
    }
    int question = trimmed.indexOf('?');
    if (question < 0) {
      return trimmed;
    }
    StringBuilder kept = new StringBuilder();
    for (String parameter : trimmed.substring(question + 1).split("&")) {
      if (parameter.isEmpty() || parameter.regionMatches(true, 0, "utm_", 0, 4)) {
        continue;
      }
      kept.append(kept.isEmpty() ? "" : "&").append(parameter);
    }
    String base = trimmed.substring(0, question);
    return kept.isEmpty() ? base : base + "?" + kept;
  }

  /** The normalised domain of the URL's host, when it has one. */
  static Optional<String> domain(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return Optional.empty();
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String host = url.substring(start, end);
    host = host.substring(host.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close < 0 ? host.substring(1) : host.substring(1, close);
    } else if (host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    return normalise(host);
  }

  /** Lower case, without a leading {@code www.} or a trailing dot; empty when nothing is left. */
  static Optional<String> normalise(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.startsWith("www.")) {
      d = d.substring(4);
    }
    return d.isEmpty() ? Optional.empty() : Optional.of(d);
  }

  /** Whether a title is a bare domain name, as Gemini grounding gives for its redirect URLs. */
  static boolean looksLikeDomain(String title) {
    return DOMAIN.matcher(title.strip()).matches();
  }
}
