package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.report.html.HtmlPageChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis report --format html} of real sim runs: escaping, the primary brand, the size. */
class HtmlReportCommandTest {
  static final String HOSTILE =
      """
      version: 1
      name: hostile
      brands:
        - name: "Acme <script>alert(1)</script>"
          aliases: [Acme]
          primary: true
        - name: Globex
      prompts:
        - id: best
          text: "Which CRM? <script>alert('prompt')</script>"
        - id: other
          text: Which CRM for a bakery?
      models:
        - id: sim
          provider: sim
          sim: {seed: 3, mention_rate: {Globex: 0.5}}
      samples: 3
      """;

  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
  }

  String runAndReport(String spec) throws Exception {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, spec);
    CommandHarness.Result run = vis.run("run", file.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path out = dir.resolve("r.html");
    CommandHarness.Result report = vis.run("report", "--format", "html", "--out", out.toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();
    return Files.readString(out);
  }

  @Test
  void escapes_script_in_a_brand_and_a_prompt_and_marks_the_primary_brand() throws Exception {
    String html = runAndReport(HOSTILE);
    Document doc = HtmlPageChecks.report(html);

    assertThat(doc.select("script")).hasSize(1);
    assertThat(doc.select("script").first().data()).doesNotContain("alert");
    assertThat(html).doesNotContain("<script>alert");
    assertThat(doc.getElementById("summary").text())
        .contains("Acme <script>alert(1)</script> (the primary brand)");
    assertThat(doc.select("#brands-table tr.primary td").first().text())
        .isEqualTo("★ Acme <script>alert(1)</script>");
  }

  @Test
  void stays_under_2_mb_for_100_prompts_by_10_models() throws Exception {
    String brands =
        IntStream.rangeClosed(1, 10)
            .mapToObj(i -> "  - name: Brand Number " + i + (i == 1 ? "\n    primary: true" : ""))
            .collect(Collectors.joining("\n"));
    String rates =
        IntStream.rangeClosed(1, 10)
            .mapToObj(i -> "Brand Number " + i + ": 0." + i % 10)
            .collect(Collectors.joining(", "));
    String models =
        IntStream.rangeClosed(1, 10)
            .mapToObj(
                i ->
                    "  - id: sim-model-"
                        + i
                        + "\n    provider: sim\n    sim: {seed: "
                        + i
                        + ", mention_rate: {"
                        + rates
                        + "}}")
            .collect(Collectors.joining("\n"));
    String spec =
        "version: 1\nname: big\nbrands:\n"
            + brands
            + "\nprompts:\n  - id: p-{n}\n    text: Which product is best for use case {n}?\n    vars: {n: ["
            + IntStream.rangeClosed(1, 100)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "))
            + "]}\nmodels:\n"
            + models
            + "\nsamples: 1\n";

    String html = runAndReport(spec);

    HtmlPageChecks.report(html);
    assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(2_000_000);
    System.out.println(
        "HTML report, 100 prompts x 10 models x 10 brands: "
            + html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            + " bytes");
  }
}
