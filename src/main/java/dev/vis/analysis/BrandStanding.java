package dev.vis.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where one brand stands among the tracked brands of a cell by mention rate: its rank and the
 * brands statistically tied with it, those whose 95% intervals overlap its own (SPEC §7).
 *
 * @param brand the brand
 * @param grounding which answers the cell holds
 * @param directional the cell is too small to be more than a direction
 * @param mentionRate its mention rate with its interval; no data when the cell has no answers
 * @param rank 1 + the brands with a higher mention rate; empty without data
 * @param brands the tracked brands ranked
 * @param tiedWith the other brands whose intervals overlap its own, highest rate first
 */
public record BrandStanding(
    String brand,
    Grounding grounding,
    boolean directional,
    Proportion mentionRate,
    OptionalInt rank,
    int brands,
    List<BrandFigures> tiedWith) {
  /**
   * The standing of {@code brand} in {@code cell}.
   *
   * @throws IllegalArgumentException when the cell does not track it
   */
  public static BrandStanding of(Cell cell, String brand) {
    BrandFigures own =
        cell.brands().stream()
            .filter(b -> b.brand().equals(brand))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a tracked brand: " + brand));
    Proportion rate = own.mentionRate();
    if (!rate.hasData()) {
      return new BrandStanding(
          brand,
          cell.grounding(),
          cell.directional(),
          rate,
          OptionalInt.empty(),
          cell.brands().size(),
          List.of());
    }
    long above =
        cell.brands().stream()
            .filter(b -> b.mentionRate().hasData() && b.mentionRate().value() > rate.value())
            .count();
    List<BrandFigures> tied =
        cell.brands().stream()
            .filter(b -> b != own && overlaps(b.mentionRate(), rate))
            .sorted(
                Comparator.comparingDouble((BrandFigures b) -> b.mentionRate().value()).reversed())
            .toList();
    return new BrandStanding(
        brand,
        cell.grounding(),
        cell.directional(),
        rate,
        OptionalInt.of(1 + (int) above),
        cell.brands().size(),
        tied);
  }

  /** The brand of {@code cell} with the highest mention rate, the first in spec order on a tie. */
  public static String leader(Cell cell) {
    return cell.brands().stream()
        .max(
            Comparator.comparingDouble((BrandFigures b) -> b.mentionRate().value())
                .thenComparing(b -> -cell.brands().indexOf(b)))
        .orElseThrow(() -> new IllegalArgumentException("the cell tracks no brand"))
        .brand();
  }

  private static boolean overlaps(Proportion other, Proportion own) {
    return other.hasData() && other.low() <= own.high() && own.low() <= other.high();
  }
}
