package dev.vis.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phrases dealt like cards, so one {@code sim} answer does not repeat a phrase until it has used
 * them all. Not thread-safe: one answer owns it.
 */
final class SimDeck {
  private final List<String> cards;
  private int dealt;

  /** A deck of {@code cards}, shuffled by {@code rng}. */
  SimDeck(List<String> cards, SplittableRandom rng) {
    this.cards = shuffled(cards, rng);
  }

  boolean isEmpty() {
    return cards.isEmpty();
  }

  /** The next card; after the last, the first again. */
  String next() {
    return cards.get(dealt++ % cards.size());
  }

  /** A copy of {@code items} in the order a Fisher-Yates shuffle with {@code rng} gives. */
  static <T> List<T> shuffled(List<T> items, SplittableRandom rng) {
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T swap = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, swap);
    }
    return copy;
  }
}
