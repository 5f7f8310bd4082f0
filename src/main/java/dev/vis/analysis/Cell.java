package dev.vis.analysis;

import java.util.List;

/**
 * The figures of every tracked brand over one slice of the answers.
 *
 * @param scope {@code overall}, {@code model}, {@code prompt} or {@code tag}
 * @param value the model id, prompt id or tag; empty for overall
 * @param answers answers received in the slice
 * @param prompts distinct prompts in the slice
 * @param directional fewer than 10 answers, or fewer than 5 prompts in a cell over several prompts:
 *     read as a direction, not a measurement
 * @param brands one entry per tracked brand, in spec order
 * @param grounding which answers the row holds: grounded or parametric ones
 * @param interval how the intervals of the answer-level rates were computed
 */
public record Cell(
    String scope,
    String value,
    long answers,
    long prompts,
    boolean directional,
    List<BrandFigures> brands,
    Grounding grounding,
    IntervalMethod interval) {
  public Cell {
    brands = List.copyOf(brands);
  }
}
