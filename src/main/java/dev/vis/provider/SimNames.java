package dev.vis.provider;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How one {@code sim} answer writes a tracked brand: its name or an alias, sometimes restyled,
 * quoted, linked to one of its domains or bolded. Not thread-safe: one answer owns it.
 */
final class SimNames {
  private final SplittableRandom rng;

  SimNames(SplittableRandom rng) {
    this.rng = rng;
  }

  /** How {@code b} is written this time: its name or an alias, sometimes restyled. */
  String surface(SimBrand b) {
    List<String> aliases = b.spec().aliases();
    String term =
        !aliases.isEmpty() && rng.nextInt(4) == 0
            ? aliases.get(rng.nextInt(aliases.size()))
            : b.spec().name();
    if (!b.spec().caseSensitive() && rng.nextInt(20) == 0) {
      term = rng.nextBoolean() ? term.toLowerCase(Locale.ROOT) : term.toUpperCase(Locale.ROOT);
    }
    if (term.contains(" ") && rng.nextInt(20) == 0) {
      term = term.replace(' ', '\u00A0');
    }
    return rng.nextInt(25) == 0 ? "“" + term + "”" : term;
  }

  /** A list entry's {@code label}, as a link to the brand's site, bold, or plain. */
  String linkOrBold(Optional<SimBrand> entry, String label) {
    if (entry.isPresent() && !entry.get().spec().domains().isEmpty() && rng.nextInt(6) == 0) {
      return "[" + label + "](" + url(entry.get()) + ")";
    }
    return rng.nextInt(3) == 0 ? label : "**" + label + "**";
  }

  /** A page on one of {@code b}'s domains. */
  String url(SimBrand b) {
    List<String> domains = b.spec().domains();
    String domain = domains.get(rng.nextInt(domains.size()));
    return switch (rng.nextInt(4)) {
      case 0 -> "https://" + domain + "/pricing";
      case 1 -> "https://www." + domain;
      case 2 -> "https://docs." + domain + "/getting-started";
      default -> "https://" + domain + "/features?utm_source=chatgpt.com";
    };
  }
}
