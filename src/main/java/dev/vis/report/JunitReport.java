package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The regression gate as a JUnit XML report: one {@code <testsuite>} with one {@code <testcase>}
 * per gated brand, failed when the brand dropped, skipped when there was no data to compare. The
 * shape is the common one Jenkins, GitLab and GitHub test reporters read (Ant's, as the Jenkins
 * xUnit schema describes it).
 */
public final class JunitReport {
  // the common schema's timestamp is an ISO 8601 date-time without a zone: vis writes UTC
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JunitReport() {}

  /** The XML document of {@code view}'s verdicts for run {@code runId}, checked at {@code at}. */
  public static String of(ComparisonView view, String runId, Instant at) {
    Comparison c = view.comparison();
    long failures = c.brands().stream().filter(b -> b.verdict() == Verdict.DROP).count();
    long skipped = c.brands().stream().filter(b -> b.verdict() == Verdict.NO_DATA).count();
    String tests = Integer.toString(c.brands().size());
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      line(xml, 0);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "vis");
      counts(xml, tests, failures);
      line(xml, 1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "vis regression gate");
      counts(xml, tests, failures);
      xml.writeAttribute("skipped", Long.toString(skipped));
      xml.writeAttribute("timestamp", TIMESTAMP.format(at.truncatedTo(ChronoUnit.SECONDS)));
      line(xml, 2);
      xml.writeStartElement("properties");
      property(xml, "run", runId);
      property(xml, "baseline", view.baseline().source());
      property(xml, "baseline_run", view.baseline().facts().runId());
      property(xml, "metric", GateLine.metric(c));
      property(xml, "threshold_pp", FigureText.oneDecimal(c.thresholdPoints()));
      property(xml, "alpha", String.format(Locale.ROOT, "%.4f", c.alpha()));
      line(xml, 2);
      xml.writeEndElement();
      String classname = "vis.gate." + GateLine.metric(c).replace(' ', '_');
      for (BrandDelta b : c.brands()) {
        testcase(xml, classname, c, b);
      }
      line(xml, 1);
      xml.writeEndElement();
      line(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory failed", e);
    }
    return text + "\n";
  }

  private static void testcase(XMLStreamWriter xml, String classname, Comparison c, BrandDelta b)
      throws XMLStreamException {
    line(xml, 2);
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(b.brand()));
    xml.writeAttribute("classname", classname);
    xml.writeAttribute("time", "0");
    String message = clean(GateLine.of(c, b));
    line(xml, 3);
    switch (b.verdict()) {
      case DROP -> {
        xml.writeStartElement("failure");
        xml.writeAttribute("type", "drop");
        xml.writeAttribute("message", message);
        xml.writeCharacters(message);
        xml.writeEndElement();
      }
      case NO_DATA -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", message);
      }
      case OK, DROP_WITHIN_NOISE -> {
        xml.writeStartElement("system-out");
        xml.writeCharacters(message);
        xml.writeEndElement();
      }
    }
    line(xml, 2);
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, String tests, long failures)
      throws XMLStreamException {
    xml.writeAttribute("tests", tests);
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("time", "0");
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    line(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static void line(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** XML 1.0 has no place for most control characters, not even escaped: they become spaces. */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(
                    cp == '\t'
                            || cp == '\n'
                            || cp == '\r'
                            || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)
                        ? cp
                        : ' '));
    return out.toString();
  }
}
