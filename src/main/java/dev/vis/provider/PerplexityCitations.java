package dev.vis.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the {@code [n]} markers of a Perplexity answer to its {@code citations} and {@code
 * search_results}, and takes the markers out of the text that analysis reads.
 *
 * <p>A marker is a 1-based index into the sources; a run such as {@code [1][2]} cites both. A
 * marker that resolves is removed, with the spaces before it ({@code "Acme [1]."} reads {@code
 * "Acme."}), so it never splits a brand name ({@code "Acme[1] CRM"}) and never turns a line into
 * something else; offsets count in the text without it, which is the text vis stores and exports.
 * The raw body keeps every marker. A marker that resolves to nothing ({@code [7]} with three
 * sources) and a markdown link's text ({@code [1](https://…)}) stay as written. Cited sources are
 * the ones a marker resolves to, or all of them when no marker resolves; every other source, and
 * every search result that is not cited, is retrieved.
 */
final class PerplexityCitations {
  /** A run of markers with the horizontal space around it; a link's text is not a marker. */
  private static final Pattern RUN =
      Pattern.compile("([ \\t]*)((?:\\[\\d{1,4}\\](?!\\())+)([ \\t]*)");

  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4})\\]");

  private PerplexityCitations() {}

  /**
   * What an answer cites.
   *
   * @param text the answer text without the markers that resolved
   * @param sources every source, cited or retrieved, in the provider's order, one per URL
   */
  record Resolved(String text, List<ProviderCitation> sources) {
    Resolved {
      sources = List.copyOf(sources);
    }
  }

  /**
   * Resolves {@code text} against the response's {@code citations} (URLs, stripped) and {@code
   * search_results} (those with a {@code url}). Markers index {@code citations}, or {@code
   * search_results} when a response has no {@code citations} (the newer shape).
   */
  static Resolved resolve(
      String text, List<String> citations, List<ChatCompletion.SearchResult> searchResults) {
    Map<String, Optional<String>> titles = new HashMap<>();
    List<String> results = new ArrayList<>();
    for (ChatCompletion.SearchResult result : searchResults) {
      results.add(result.url());
      titles.putIfAbsent(result.url(), result.title());
    }
    List<String> urls = new ArrayList<>(citations);
    if (urls.stream().allMatch(String::isEmpty)) {
      urls.clear();
      urls.addAll(results);
    }
    Set<Integer> cited = new TreeSet<>();
    String stripped = strip(text, urls, cited);
    Map<String, ProviderCitation> sources = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      if (url.isEmpty()) {
        continue;
      }
      boolean isCited = cited.isEmpty() || cited.contains(i);
      ProviderCitation seen = sources.get(url);
      if (seen == null || (isCited && !seen.cited())) {
        Optional<String> title = titles.getOrDefault(url, Optional.empty());
        sources.put(url, new ProviderCitation(url, title, isCited));
      }
    }
    for (String url : results) {
      sources.putIfAbsent(url, new ProviderCitation(url, titles.get(url), false));
    }
    return new Resolved(stripped, new ArrayList<>(sources.values()));
  }

  /** The text without its resolvable markers; adds the 0-based index of each to {@code cited}. */
  static String strip(String text, List<String> urls, Set<Integer> cited) {
    Matcher run = RUN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (run.find()) {
      StringBuilder kept = new StringBuilder();
      Matcher marker = MARKER.matcher(run.group(2));
      while (marker.find()) {
        int index = Integer.parseInt(marker.group(1)) - 1;
        if (index >= 0 && index < urls.size() && !urls.get(index).isEmpty()) {
          cited.add(index);
        } else {
          kept.append(marker.group());
        }
      }
      out.append(text, copied, run.start());
      boolean lineStart = run.start() == 0 || text.charAt(run.start() - 1) == '\n';
      if (!kept.isEmpty()) {
        out.append(run.group(1)).append(kept).append(run.group(3));
      } else if (lineStart) {
        // Keep the indentation that places the line in a list; drop the space after the run.
        out.append(run.group(1));
      } else {
        out.append(run.group(3));
      }
      copied = run.end();
    }
    out.append(text, copied, text.length());
    return out.toString();
  }
}
