package dev.vis.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;

/**
 * The acceptance interface of an HTML page vis writes (issue 12): a parsed, checked page that
 * fetches nothing and runs only the inline style and script its CSP names by hash.
 */
public final class HtmlPageChecks {
  private static final Pattern REMOTE =
      Pattern.compile("^\\s*(https?:|//|ftp:|data:|file:)", Pattern.CASE_INSENSITIVE);

  private HtmlPageChecks() {}

  /** Parses {@code html} and checks what every page must hold; returns the document. */
  public static Document selfContained(String html) throws Exception {
    assertThat(html).startsWith("<!DOCTYPE html>");
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document doc = parser.parseInput(html, "");
    ParseErrorList errors = parser.getErrors();
    assertThat(errors).as("HTML parse errors").isEmpty();
    assertThat(doc.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    assertThat(doc.title()).isNotBlank();
    String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp)
        .contains("default-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("http");
    for (Element style : doc.select("style")) {
      assertThat(csp).contains("'sha256-" + sha256(style.data()) + "'");
      assertThat(style.data()).doesNotContain("@import").doesNotContain("url(");
    }
    for (Element script : doc.select("script")) {
      assertThat(script.hasAttr("src")).as("script src").isFalse();
      assertThat(csp).contains("'sha256-" + sha256(script.data()) + "'");
    }
    assertThat(doc.select("link[href]")).isEmpty();
    for (Element e : doc.getAllElements()) {
      for (String attribute :
          List.of("src", "href", "xlink:href", "srcset", "poster", "data", "action")) {
        if (e.hasAttr(attribute) && !(e.tagName().equals("a") && attribute.equals("href"))) {
          assertThat(REMOTE.matcher(e.attr(attribute)).find())
              .as("%s on <%s> loads from outside: %s", attribute, e.tagName(), e.attr(attribute))
              .isFalse();
        }
      }
      assertThat(e.attr("style")).doesNotContain("url(");
    }
    return doc;
  }

  /** The report's own parts: charts, summary first, definitions. */
  public static Document report(String html) throws Exception {
    Document doc = selfContained(html);
    List<Element> charts =
        doc.select("svg").stream()
            .filter(s -> s.parents().stream().noneMatch(p -> p.tagName().equals("svg")))
            .toList();
    assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
    for (Element svg : charts.subList(0, 2)) {
      assertThat(svg.select("rect, line, path, circle, polyline, polygon")).isNotEmpty();
    }
    Element summary = doc.getElementById("summary");
    assertThat(summary).isNotNull();
    Element firstChartOrTable = doc.select("svg, table").first();
    assertThat(firstChartOrTable).isNotNull();
    assertThat(precedes(doc, summary, firstChartOrTable))
        .as("summary before the first chart or table")
        .isTrue();
    Element definitions = doc.select("[id*=definition], [class*=definition]").first();
    assertThat(definitions).isNotNull();
    assertThat(definitions.text()).contains("Mention rate").contains("Share of voice");
    return doc;
  }

  static boolean precedes(Document doc, Element a, Element b) {
    List<Element> all = doc.getAllElements();
    return all.indexOf(a) < all.indexOf(b);
  }

  static String sha256(String text) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
