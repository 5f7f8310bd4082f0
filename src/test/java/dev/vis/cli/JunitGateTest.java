package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code vis report --junit FILE}: the gate's verdicts as JUnit XML that CI servers read. */
class JunitGateTest {
  @TempDir Path dir;
  CommandHarness vis;
  GateRuns runs;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
    runs = new GateRuns(vis, dir);
  }

  CommandHarness.Result gate(String run, String baseline, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                run,
                "--baseline",
                baseline,
                "--fail-on-drop",
                "5",
                "--gate-brand",
                "Acme CRM",
                "--gate-brand",
                "Globex"));
    args.addAll(List.of(more));
    return vis.run(args.toArray(String[]::new));
  }

  @Test
  void a_drop_is_one_failed_test_case_and_the_other_brand_passes() throws Exception {
    String a = runs.run(0.6, "a");
    String b = runs.run(0.4, "b");
    Path junit = dir.resolve("gate.xml");

    CommandHarness.Result plain = gate(b, a);
    CommandHarness.Result report = gate(b, a, "--junit", junit.toString());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.out()).isEqualTo(plain.out());
    Element suite = validSuite(junit);
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    List<Element> cases = children(suite, "testcase");
    assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("Acme CRM", "Globex");
    Element failure = children(cases.get(0), "failure").get(0);
    assertThat(failure.getAttribute("message"))
        .startsWith("Acme CRM: mention rate ")
        .contains("−", " pp (p ", "more than 5.0 pp with p < 0.0250", "dropped");
    assertThat(children(cases.get(1), "failure")).isEmpty();
    assertThat(suite.getElementsByTagName("error").getLength()).isZero();
  }

  @Test
  void no_drop_is_no_failure() throws Exception {
    String a = runs.run(0.6, "a");
    String b = runs.run(0.6, "b");
    Path junit = dir.resolve("gate.xml");

    CommandHarness.Result report = gate(b, a, "--junit", junit.toString());

    assertThat(report.exitCode()).as(report.toString()).isZero();
    Element suite = validSuite(junit);
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getElementsByTagName("failure").getLength()).isZero();
    assertThat(children(suite, "testcase")).hasSize(2);
  }

  @Test
  void junit_without_the_gate_exits_2_before_writing_anything() throws Exception {
    String a = runs.run(0.6, "a");
    Path junit = dir.resolve("gate.xml");

    CommandHarness.Result report = vis.run("report", a, "--junit", junit.toString());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(2);
    assertThat(report.err()).contains("--junit needs the gate", "--fail-on-drop PP");
    assertThat(report.out()).isEmpty();
    assertThat(junit).doesNotExist();
  }

  @Test
  void junit_to_a_directory_or_into_a_missing_one_exits_2() throws Exception {
    String a = runs.run(0.6, "a");

    CommandHarness.Result toDir = gate(a, a, "--junit", dir.toString());
    CommandHarness.Result missing = gate(a, a, "--junit", dir.resolve("no/gate.xml").toString());

    assertThat(toDir.exitCode()).as(toDir.toString()).isEqualTo(2);
    assertThat(toDir.err()).contains("--junit " + dir + ": is a directory");
    assertThat(toDir.out()).isEmpty();
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
    assertThat(missing.err()).contains("directory " + dir.resolve("no") + " does not exist");
  }

  /** The document's one {@code <testsuite>}, after checking the file against the schema. */
  static Element validSuite(Path file) throws Exception {
    SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    schemas
        .newSchema(JunitGateTest.class.getResource("/junit/junit.xsd"))
        .newValidator()
        .validate(new StreamSource(file.toFile()));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(1);
    return (Element) suites.item(0);
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }
}
