package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.BrandStanding;
import dev.vis.report.html.HtmlPageChecks;
import java.io.StringWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The HTML report of the hand-built fixture: its golden file, its structure and its escaping. */
class HtmlReportTest {
  static String html(ReportData data) throws Exception {
    StringWriter out = new StringWriter();
    ReportRenderer.of(ReportFormat.HTML).render(data, out);
    return out.toString();
  }

  @Test
  void renders_the_sample_exactly_as_its_golden_file() throws Exception {
    Golden.assertMatches("sample.html", html(ReportFixture.sample()));
  }

  @Test
  void is_a_self_contained_page_with_charts_summary_first_and_definitions() throws Exception {
    Document doc = HtmlPageChecks.report(html(ReportFixture.sample()));

    assertThat(doc.getElementById("summary").text())
        .contains("Acme")
        .contains("70.0%")
        .contains("rank 1 of 3");
    assertThat(doc.select("#chart-mention-rate line.whisker")).isNotEmpty();
    assertThat(doc.select("#chart-model-brand rect")).hasSize(6);
    assertThat(doc.select("#chart-share-of-voice rect")).isNotEmpty();
    assertThat(doc.select("#chart-domains-parametric rect")).hasSize(3);
  }

  @Test
  void escapes_a_brand_name_that_holds_markup() throws Exception {
    String html = html(ReportFixture.sample());
    Document doc = HtmlPageChecks.report(html);

    assertThat(doc.select("b")).isEmpty();
    assertThat(doc.select("td").eachText()).contains(ReportFixture.ODD_BRAND);
    assertThat(doc.select("svg text").eachText()).anyMatch(t -> t.contains("<b>"));
    assertThat(html).doesNotContain("<b>\"Co\"</b>");
  }

  @Test
  void shows_a_model_without_answers_as_no_data_not_zero() throws Exception {
    Document doc = HtmlPageChecks.report(html(NoDataFixture.withDeadModel()));

    assertThat(
            doc.select("#model-table tr").stream()
                .filter(r -> r.text().startsWith(NoDataFixture.DEAD_MODEL)))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.select("td.num").eachText())
                    .contains("—")
                    .doesNotContain("0.0% (0.0–0.0)"));
  }

  @Test
  void lists_the_untracked_brands_apart_with_their_answers_and_escaped() throws Exception {
    Document doc = HtmlPageChecks.report(html(ReportFixture.sample()));

    assertThat(doc.select("#untracked-table tbody tr").eachText())
        .containsExactly("Zendesk 9", "Fresh|desk <b> 4");
    assertThat(doc.select("#untracked b")).isEmpty();
    assertThat(doc.select("#brands-table td").eachText()).doesNotContain("Zendesk");
  }

  @Test
  void takes_rank_and_ties_from_the_shared_summary_so_equal_rates_share_a_rank() throws Exception {
    ReportData data =
        ReportFixture.overallOnly(
            2,
            ReportFixture.brand("Globex", 4, 10, 1, 2, 8, 4, 1, 2, 0.5, 0),
            ReportFixture.brand(ReportFixture.PRIMARY, 4, 10, 1, 2, 8, 4, 2, 2, 0.4, 0));
    BrandStanding standing = data.summary().standings().getFirst();

    String summary = Jsoup.parse(html(data)).getElementById("summary").text();

    assertThat(standing.rank()).as("the same rate as Globex: a shared first place").hasValue(1);
    assertThat(summary)
        .contains(ReportFixture.PRIMARY + " (the primary brand) is named in 40.0%")
        .contains("rank 1 of 2 tracked brands (1st)")
        .contains("Statistically tied (overlapping intervals) with Globex (40.0%)");
    assertThat(ReportRendererTest.render(ReportFormat.MD, data)).contains("1st of 2");
  }
}
