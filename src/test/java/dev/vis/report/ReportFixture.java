package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.Grounding;
import dev.vis.analysis.IntervalMethod;
import dev.vis.analysis.PromptModelTally;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.RunTallies;
import dev.vis.analysis.TallyModel;
import dev.vis.analysis.TallyPrompt;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.store.ServedModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * A hand-built report: 3 brands (one named {@code Pipe|<b>"Co"</b>} to prove escaping), 2 models, 3
 * prompts, one tag, cited domains and one directional cell.
 */
final class ReportFixture {
  static final String ODD_BRAND = "Pipe|<b>\"Co\"</b>";

  /** The brand the sample's spec marks primary. */
  static final String PRIMARY = "Acme";

  private ReportFixture() {}

  static ReportData sample() {
    ReportData data = data(facts(), metrics());
    return new ReportData(
        data.facts(),
        data.metrics(),
        data.slices(),
        data.comparison(),
        data.summary(),
        List.of(new UntrackedBrand("Zendesk", 9), new UntrackedBrand("Fresh|desk <b>", 4)));
  }

  /**
   * A report of one overall cell of 10 answers to {@code prompts} prompts, tracking {@code brands}.
   */
  static ReportData overallOnly(long prompts, BrandFigures... brands) {
    Breakdown m =
        new Breakdown(
            List.of(cell("overall", "", 10, prompts, false, List.of(brands))),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return data(doneFacts(), m);
  }

  /** A report of {@code headline}, every breakdown, no branded prompts, small tallies. */
  static ReportData data(RunFacts facts, Breakdown headline) {
    return ReportData.of(
        facts,
        runMetrics(headline),
        EnumSet.allOf(Slice.class),
        Optional.empty(),
        Optional.of(PRIMARY));
  }

  /** {@code m} as the headline breakdown, with tallies that match it. */
  static RunMetrics runMetrics(Breakdown m) {
    List<String> brands =
        m.overall().getFirst().brands().stream().map(BrandFigures::brand).toList();
    List<String> modelIds = m.byModel().stream().map(Cell::value).toList();
    List<PromptModelTally> cells = new ArrayList<>();
    for (Cell prompt : m.byPrompt()) {
      for (String model : modelIds) {
        cells.add(
            new PromptModelTally(
                prompt.value(),
                model,
                prompt.answers() / 2,
                prompt.brands().stream().map(b -> b.mentionRate().numerator() / 2).toList()));
      }
    }
    RunTallies tallies =
        new RunTallies(
            brands,
            "rules-fingerprint",
            m.byPrompt().stream()
                .map(c -> new TallyPrompt(c.value(), "Which CRM for " + c.value() + "?", false))
                .toList(),
            modelIds.stream().map(id -> new TallyModel(id, "openai", id, false)).toList(),
            cells);
    return new RunMetrics(m, Optional.empty(), List.of(), false, tallies);
  }

  static RunFacts facts() {
    return new RunFacts(
        "01JABCDEFGHJKMNPQRSTVWXYZ0",
        "crm-visibility",
        "failed",
        Instant.parse("2025-03-04T05:06:07.123Z"),
        Optional.of(Instant.parse("2025-03-04T05:18:19.623Z")),
        List.of("gpt-4o-mini", "claude-haiku"),
        List.of(),
        36,
        30,
        4,
        2,
        Optional.of(new BigDecimal("0.012345")),
        3,
        true,
        Optional.of("01JSOURCE0000000000000000"),
        "examples/crm.yaml",
        "3f2a9c1b0d4e5f60718293a4b5c6d7e8f9011223344556677889900aabbccdd",
        List.of(
            new ServedModel("gpt-4o-mini", Optional.of("gpt-4o-mini-2024-07-18"), 16),
            new ServedModel("claude-haiku", Optional.of("claude-3-5-haiku-20241022"), 10),
            new ServedModel("claude-haiku", Optional.empty(), 4)));
  }

  /** Parametric cells with Wilson intervals, domains cited in parametric answers. */
  static Breakdown metrics() {
    Cell overall =
        cell(
            "overall",
            "",
            30,
            3,
            false,
            List.of(
                brand("Globex", 18, 30, 3, 3, 45, 25, 1.9, 10, 0.52, 3),
                brand("Acme", 21, 30, 3, 3, 45, 40, 1.4, 15, 0.66, 9),
                brand(ODD_BRAND, 6, 30, 2, 3, 45, 6, 2.5, 1, 0.13, 0)));
    List<Cell> byModel =
        List.of(
            cell(
                "model",
                "gpt-4o-mini",
                15,
                3,
                false,
                List.of(
                    brand("Globex", 9, 15, 3, 3, 23, 12, 1.8, 5, 0.55, 2),
                    brand("Acme", 11, 15, 3, 3, 23, 20, 1.3, 8, 0.7, 5),
                    brand(ODD_BRAND, 3, 15, 1, 3, 23, 3, 2.6666666666, 0, 0.12, 0))),
            cell(
                "model",
                "claude-haiku",
                15,
                3,
                false,
                List.of(
                    brand("Globex", 9, 15, 3, 3, 22, 13, 2.0, 5, 0.49, 1),
                    brand("Acme", 10, 15, 3, 3, 22, 20, 1.5, 7, 0.62, 4),
                    brand(ODD_BRAND, 3, 15, 1, 3, 22, 3, 2.3333333333, 1, 0.14, 0))));
    List<Cell> byPrompt =
        List.of(
            cell(
                "prompt",
                "best-crm",
                12,
                1,
                false,
                List.of(
                    brand("Globex", 8, 12, 1, 1, 21, 11, 1.75, 4, 0.6, 1),
                    brand("Acme", 10, 12, 1, 1, 21, 18, 1.2, 7, 0.75, 5),
                    brand(ODD_BRAND, 3, 12, 1, 1, 21, 3, 2.0, 1, 0.2, 0))),
            cell(
                "prompt",
                "crm_for_smb",
                10,
                1,
                false,
                List.of(
                    brand("Globex", 6, 10, 1, 1, 16, 8, 2.0, 3, 0.5, 1),
                    brand("Acme", 7, 10, 1, 1, 16, 14, 1.5, 5, 0.6, 3),
                    brand(ODD_BRAND, 3, 10, 1, 1, 16, 3, 3.0, 0, 0.24, 0))),
            cell(
                "prompt",
                "cheap-crm",
                8,
                1,
                true,
                List.of(
                    brand("Globex", 4, 8, 1, 1, 8, 6, 2.0, 3, 0.45, 1),
                    brand("Acme", 4, 8, 1, 1, 8, 8, 1.75, 3, 0.48, 1),
                    brand(ODD_BRAND, 0, 8, 0, 1, 8, 0, Double.NaN, 0, 0.0, 0))));
    List<Cell> byTag =
        List.of(
            cell(
                "tag",
                "smb",
                18,
                2,
                false,
                List.of(
                    brand("Globex", 10, 18, 2, 2, 24, 14, 2.0, 6, 0.48, 2),
                    brand("Acme", 11, 18, 2, 2, 24, 22, 1.6, 8, 0.55, 4),
                    brand(ODD_BRAND, 3, 18, 1, 2, 24, 3, 3.0, 0, 0.13, 0))));
    List<DomainCount> domains =
        List.of(
            new DomainCount("acme.com", Optional.of("Acme"), 9),
            new DomainCount("g2.com", Optional.empty(), 7),
            new DomainCount("globex.io", Optional.of("Globex"), 3));
    return new Breakdown(
        List.of(overall),
        byModel,
        byPrompt,
        byTag,
        List.of(new DomainRanking(Grounding.PARAMETRIC, domains)));
  }

  /** A parametric cell with Wilson intervals. */
  static Cell cell(
      String scope,
      String value,
      long answers,
      long prompts,
      boolean directional,
      List<BrandFigures> brands) {
    return new Cell(
        scope,
        value,
        answers,
        prompts,
        directional,
        brands,
        Grounding.PARAMETRIC,
        IntervalMethod.WILSON);
  }

  /**
   * One brand's figures; NaN for {@code position} means the brand is never named. The sums behind
   * the means are derived from them.
   */
  static BrandFigures brand(
      String name,
      long named,
      long answers,
      long prompts,
      long allPrompts,
      long namedAll,
      long count,
      double position,
      long first,
      double weighted,
      long cited) {
    return new BrandFigures(
        name,
        Map.of(
            RateMetric.MENTION_RATE, wilsonLike(named, answers),
            RateMetric.PROMPT_COVERAGE, wilsonLike(prompts, allPrompts),
            RateMetric.SHARE_OF_VOICE, wilsonLike(named, namedAll),
            RateMetric.TOP1_RATE, wilsonLike(first, answers),
            RateMetric.CITATION_RATE, wilsonLike(cited, answers)),
        count,
        Double.isNaN(position) ? OptionalDouble.empty() : OptionalDouble.of(position),
        weighted,
        Double.isNaN(position) ? 0 : Math.round(position * named),
        weighted * answers);
  }

  /** A proportion with the 95% Wilson interval, so bounds carry many decimals as real ones do. */
  static Proportion wilsonLike(long numerator, long denominator) {
    if (denominator == 0) {
      return Proportion.none();
    }
    double n = denominator;
    double p = numerator / n;
    double z = 1.959963984540054;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return new Proportion(
        numerator, denominator, p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** A finished run of the sample spec: done, measured, unpriced, not a replay. */
  static RunFacts doneFacts() {
    RunFacts f = facts();
    return new RunFacts(
        f.runId(),
        f.name(),
        "done",
        f.startedAt(),
        f.finishedAt(),
        f.modelIds(),
        f.modelsWithoutAnswers(),
        30,
        30,
        0,
        0,
        Optional.empty(),
        0,
        false,
        Optional.empty(),
        f.specPath(),
        f.specSha256(),
        f.servedModels());
  }

  /** Metrics of {@code brands} brands over {@code prompts} prompts, named with {@code label}. */
  static Breakdown wide(int brands, int prompts, String label) {
    List<BrandFigures> figures =
        IntStream.range(0, brands)
            .mapToObj(i -> brand(label + "brand-" + i, i % 10, 10, 1, 1, 50, i, 1.5, 0, 0.1, 0))
            .toList();
    List<Cell> byPrompt =
        IntStream.range(0, prompts)
            .mapToObj(i -> cell("prompt", label + "prompt-" + i, 10, 1, false, figures))
            .toList();
    List<DomainCount> domains =
        IntStream.range(0, prompts)
            .mapToObj(i -> new DomainCount(label + "site" + i + ".com", Optional.empty(), 1))
            .toList();
    return new Breakdown(
        List.of(cell("overall", "", 10L * prompts, prompts, false, figures)),
        List.of(),
        byPrompt,
        List.of(),
        List.of(new DomainRanking(Grounding.PARAMETRIC, domains)));
  }
}
