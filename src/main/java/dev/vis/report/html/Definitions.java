package dev.vis.report.html;

import java.util.List;

/** What each figure of the reports counts: its numerator and denominator (SPEC §6). */
final class Definitions {
  static final List<Fact> METRICS =
      List.of(
          new Fact(
              "Mention rate",
              "Answers that name the brand / answers received. Several mentions in one answer count"
                  + " once."),
          new Fact(
              "Share of voice",
              "Answers that name the brand / the sum, over tracked brands, of answers naming each;"
                  + " so one answer repeating a name ten times does not dominate. Untracked names"
                  + " never enter it."),
          new Fact(
              "Prompt coverage",
              "Prompts with at least one answer naming the brand / prompts asked."),
          new Fact(
              "Top-1 rate",
              "Answers that name the brand before any other tracked brand / answers received."),
          new Fact(
              "Citation rate",
              "Answers that cite (kind cited) one of the brand's domains / answers received."),
          new Fact(
              "Average position",
              "The mean, over the answers that name the brand, of its place among the tracked"
                  + " brands they name (1 = named first)."),
          new Fact(
              "Interval",
              "Every rate carries its 95% interval: a Wilson interval for a cell of one prompt, a"
                  + " bootstrap that resamples prompts (1,000 resamples, fixed seed) for a cell over"
                  + " several."),
          new Fact(
              "Directional (†)",
              "A cell with fewer than 10 answers or fewer than 5 prompts: read it as a direction,"
                  + " not a measurement."),
          new Fact("No data (—)", "A cell without answers: not a rate of 0%."),
          new Fact(
              "Grounded, parametric",
              "Grounded answers ran a web search; parametric ones answered from the model's"
                  + " training. They are never pooled."),
          new Fact(
              "Branded prompt",
              "A prompt whose own text names a tracked brand; it leaves the headline figures"
                  + " unless --include-branded."),
          new Fact(
              "Primary brand (★)",
              "The brand the spec marks primary: the one the summary and the gate speak of."));

  private Definitions() {}
}
