package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.Breakdown;
import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  static String markdown(ReportData data) throws IOException {
    return ReportRendererTest.render(ReportFormat.MD, data);
  }

  /** A finished run's report of {@link ReportFixture#wide}. */
  private static ReportData wide(int brands, int prompts, String label) {
    return ReportFixture.data(
        ReportFixture.doneFacts(), ReportFixture.wide(brands, prompts, label));
  }

  @Nested
  class Top_of_the_report {
    @Test
    void a_done_measured_run_has_neither_status_warning_nor_simulation_note() throws IOException {
      String md = markdown(ReportFixture.data(ReportFixture.doneFacts(), ReportFixture.metrics()));
      assertThat(md).startsWith("# Brand visibility: crm-visibility\n\n## Summary\n");
      assertThat(md).contains("\n## Run\n");
      assertThat(md).doesNotContain("Run status").doesNotContain("Simulated");
    }

    @Test
    void an_unfinished_run_says_how_many_tasks_have_no_answer() throws IOException {
      String md = markdown(ReportFixture.sample());
      assertThat(md)
          .contains(
              "> **Run status: failed** — 6 of 36 tasks have no answer; figures cover the answers"
                  + " received.");
    }

    @Test
    void an_unpriced_unfinished_run_says_so_in_its_facts() throws IOException {
      RunFacts done = ReportFixture.doneFacts();
      RunFacts running =
          new RunFacts(
              done.runId(),
              done.name(),
              "running",
              done.startedAt(),
              Optional.empty(),
              done.modelIds(),
              List.of(),
              2,
              1,
              0,
              1,
              Optional.empty(),
              1,
              false,
              Optional.empty(),
              done.specPath(),
              "abc",
              List.of());
      String md = markdown(ReportFixture.data(running, ReportFixture.metrics()));
      assertThat(md)
          .contains("— 1 of 2 tasks has no answer;")
          .contains("- **Cost:** not priced (1 answer unpriced)\n")
          .contains("- **Duration:** — (not finished)\n")
          .contains("- **Spec:** examples/crm.yaml (sha256 abc)\n")
          .doesNotContain("Replay of");
    }
  }

  @Nested
  class Tables {
    @Test
    void brands_are_ranked_by_mention_rate() throws IOException {
      String md = markdown(ReportFixture.sample());
      assertThat(md.indexOf("| Acme ★ | 70.0%")).isLessThan(md.indexOf("| Globex | 60.0%"));
    }

    @Test
    void a_directional_cell_gets_a_dagger_and_the_footnote() throws IOException {
      String md = markdown(ReportFixture.sample());
      assertThat(md).contains("| cheap-crm † | 8 |").contains("\n† Directional:");
    }

    @Test
    void no_dagger_no_footnote() throws IOException {
      Breakdown m = ReportFixture.metrics();
      Breakdown firm =
          new Breakdown(m.overall(), m.byModel(), m.byPrompt().subList(0, 2), List.of(), List.of());
      String md = markdown(ReportFixture.data(ReportFixture.doneFacts(), firm));
      assertThat(md).doesNotContain("†").doesNotContain("## By tag");
      assertThat(md)
          .contains("## Top cited domains\n\n_No answer cites a source._\n")
          .contains(
              "## Untracked brands\n\n"
                  + "_No untracked name is presented as a brand in two or more answers._\n")
          .contains("## Definitions");
    }

    @Test
    void a_table_over_200_rows_is_cut_with_a_note() throws IOException {
      String md = markdown(wide(3, 450, ""));
      assertThat(md)
          .contains("| prompt-199 |")
          .doesNotContain("| prompt-200 |")
          .contains("_250 prompts left out to keep this report short;")
          .contains("_250 domains left out");
    }

    @Test
    void more_than_20_brands_are_charted_and_tabled_by_the_top_20() throws IOException {
      String md = markdown(wide(25, 2, ""));
      assertThat(md)
          .contains("_The chart shows the 20 brands with the highest mention rate._")
          .contains("_Columns show the 20 brands with the highest overall mention rate; 5 more");
    }

    @Test
    void a_report_without_brands_says_so() throws IOException {
      Breakdown none =
          new Breakdown(
              List.of(ReportFixture.cell("overall", "", 0, 0, true, List.of())),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      assertThat(markdown(ReportFixture.data(ReportFixture.doneFacts(), none)))
          .contains("_No brands are tracked._")
          .doesNotContain("mermaid");
    }
  }

  @Nested
  class No_data {
    @Test
    void a_model_without_answers_reads_no_data_in_its_row_and_is_named_in_the_facts()
        throws IOException {
      String md = markdown(NoDataFixture.withDeadModel());
      assertThat(md)
          .contains("| dead-model † | 0 | — | — | — |\n")
          .contains(
              "- **No answers from:** dead-model (every task failed or is pending): no data,"
                  + " shown as —\n")
          .doesNotContain("0.0% (0.0–0.0)");
    }

    @Test
    void a_run_without_any_answer_has_no_zero_rates_and_no_chart() throws IOException {
      String md = markdown(NoDataFixture.allDead());
      assertThat(md)
          .contains("| Acme ★ |" + " — |".repeat(RateMetric.values().length + 2) + "\n")
          .contains("- **Acme ★**: no data (no answers), so no mention rate or rank.\n")
          .contains("_No chart: no answers, so no mention rate to draw._")
          .doesNotContain("mermaid")
          .doesNotContain("0.0%")
          .doesNotContain("0/0")
          .contains("- **No answers from:** gpt-4o-mini, claude-haiku");
    }

    @Test
    void the_comparison_lists_a_model_left_out_without_answers() throws IOException {
      String md = markdown(ComparisonFixture.sample(RateMetric.MENTION_RATE, true));
      assertThat(md)
          .contains("- **Compared on:** 3 shared non-branded prompts × 1 shared model\n")
          .contains("- **Models left out without answers:** claude-haiku\n")
          .contains("| Initech | — | — | — | — | — | no data |");
    }
  }

  @Nested
  class Size {
    @Test
    void a_huge_run_still_fits_a_github_step_summary() throws IOException {
      String longName = "x".repeat(2_000);
      String md = markdown(wide(40, 3_000, longName));
      assertThat(md.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(MarkdownRenderer.MAX_BYTES);
      assertThat(md).contains("left out to keep this report short");
    }

    @Test
    void when_even_short_tables_are_too_big_the_report_is_cut_at_a_line_end() throws IOException {
      StringWriter out = new StringWriter();
      new MarkdownRenderer(3_000).render(wide(3, 50, "y".repeat(200)), out);
      String md = out.toString();
      assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(3_000);
      assertThat(md)
          .startsWith("# Brand visibility:")
          .endsWith(
              "\n\n_The report was cut here to stay under 3000 bytes; the JSON and CSV"
                  + " reports are complete._\n");
    }
  }

  @Nested
  class Hostile_text {
    @Test
    void names_cannot_break_a_table_open_html_or_code_or_break_the_chart() throws IOException {
      String hostile =
          "Evil | <img src=x onerror=alert(1)> `rm -rf` **b**\n| --- |\r\n[x](javascript:1)";
      Breakdown m = ReportFixture.wide(2, 2, hostile);
      String md = markdown(ReportFixture.data(ReportFixture.doneFacts(), m));
      String text = md;
      for (String block : MermaidBarChartTest.blocks(md)) {
        text = text.replace(block, "");
      }
      assertThat(md).doesNotContain("<img");
      assertThat(text)
          .doesNotContainPattern("(?<!\\\\)`")
          .doesNotContainPattern("(?<!\\\\)\\[x")
          .contains("\\[x\\](javascript");
      MermaidBarChartTest.blocks(md).forEach(MermaidBarChartTest::assertValidChart);
      assertThat(MermaidBarChartTest.blocks(md)).hasSize(1);
    }

    @Test
    void every_table_row_has_as_many_cells_as_its_header() throws IOException {
      String hostile = "a|b\nc|d`<e>";
      String md = markdown(wide(3, 3, hostile));
      long expected = -1;
      for (String line : md.lines().toList()) {
        if (!line.startsWith("|")) {
          expected = -1;
          continue;
        }
        long separators = line.replace("\\|", "").chars().filter(c -> c == '|').count();
        if (expected < 0) {
          expected = separators;
        }
        assertThat(separators).as(line).isEqualTo(expected);
      }
    }
  }
}
