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
 */
public record BrandSpec(
    String name,
    List<String> aliases,
    List<String> domains,
    List<String> exclude,
    boolean primary,
    boolean caseSensitive) {

  public BrandSpec {
    aliases = List.copyOf(aliases);
    domains = List.copyOf(domains);
    exclude = List.copyOf(exclude);
  }

  /** The name followed by the aliases: every term that counts as this brand. */
  public List<String> terms() {
    List<String> terms = new ArrayList<>(aliases.size() + 1);
    terms.add(name);
    terms.addAll(aliases);
    return List.copyOf(terms);
  }
}
