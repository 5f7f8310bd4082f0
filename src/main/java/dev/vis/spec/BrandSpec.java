package dev.vis.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A tracked brand.
 *
 * @param name the brand's display name, also a matching term
 * @param aliases other spellings that count as this brand
 * @param domains domains owned by the brand (citations of them and their subdomains count)
 * @param exclude phrases that look like the brand but are not
 * @param primary "our" brand: the default subject of gates and summaries
 * @param caseSensitive whether terms match only in the case written
 * @param accentSensitive whether case-insensitive terms keep their accents ({@code Nestle} no
 *     longer matching {@code Nestlé})
 */
public record BrandSpec(
    String name,
    List<String> aliases,
    List<String> domains,
    List<String> exclude,
    boolean primary,
    boolean caseSensitive,
    boolean accentSensitive) {

  public BrandSpec {
    aliases = List.copyOf(aliases);
    domains = List.copyOf(domains);
    exclude = List.copyOf(exclude);
  }

  /** A brand whose case-insensitive terms ignore accents, as most brands want. */
  public BrandSpec(
      String name,
      List<String> aliases,
      List<String> domains,
      List<String> exclude,
      boolean primary,
      boolean caseSensitive) {
    this(name, aliases, domains, exclude, primary, caseSensitive, false);
  }

  /** The name followed by the aliases: every term that counts as this brand. */
  public List<String> terms() {
    List<String> terms = new ArrayList<>(aliases.size() + 1);
    terms.add(name);
    terms.addAll(aliases);
    return List.copyOf(terms);
  }
}
