package dev.vis.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code brands:}: names and aliases unique across brands, at most one primary. */
final class BrandsReader {
  private static final List<String> KEYS =
      List.of(
          "name", "aliases", "domains", "exclude", "primary", "case_sensitive", "accent_sensitive");

  private BrandsReader() {}

  static List<BrandSpec> read(Field brands) {
    List<BrandSpec> out = new ArrayList<>();
    Map<String, Term> termOwners = new HashMap<>();
    String primary = null;
    for (Field item : brands.items(true).orElse(List.of())) {
      Where self = item.where();
      Optional<FieldMap> opened = FieldMap.open(item, KEYS);
      if (opened.isEmpty()) {
        continue;
      }
      FieldMap brand = opened.get();
      Optional<String> name = brand.required("name").flatMap(Field::nonBlank).map(String::strip);
      List<String> aliases = new ArrayList<>();
      List<Where> aliasPlaces = new ArrayList<>();
      name.ifPresent(
          n -> claim(brand.get("name").orElseThrow(), n, new Located<>(n, self), termOwners));
      for (Field alias : brand.get("aliases").flatMap(f -> f.items(false)).orElse(List.of())) {
        alias
            .nonBlank()
            .map(String::strip)
            .ifPresent(
                a -> {
                  aliases.add(a);
                  aliasPlaces.add(alias.where());
                  name.ifPresent(n -> claim(alias, a, new Located<>(n, self), termOwners));
                });
      }
      List<String> domains = new ArrayList<>();
      for (Field domain : brand.get("domains").flatMap(f -> f.items(false)).orElse(List.of())) {
        domain.nonBlank().flatMap(d -> domain(domain, d)).ifPresent(domains::add);
      }
      List<String> exclude = brand.get("exclude").map(Field::strings).orElse(List.of());
      boolean isPrimary = brand.get("primary").flatMap(Field::bool).orElse(false);
      boolean caseSensitive = brand.get("case_sensitive").flatMap(Field::bool).orElse(false);
      boolean accentSensitive = brand.get("accent_sensitive").flatMap(Field::bool).orElse(false);
      if (isPrimary && primary != null) {
        brand
            .get("primary")
            .orElseThrow()
            .report("only one brand may be primary, and '" + primary + "' already is");
      } else if (isPrimary) {
        primary = name.orElse("?");
      }
      if (name.isPresent()) {
        item.ctx().places().brand(out.size(), brand.get("name").orElseThrow().where(), aliasPlaces);
        out.add(
            new BrandSpec(
                name.get(), aliases, domains, exclude, isPrimary, caseSensitive, accentSensitive));
      }
    }
    return out;
  }

  /**
   * Records that {@code term} names {@code brand}, reporting a clash with another brand: the same
   * term ignoring case, or another that matches the same text ({@link TermKey}).
   */
  private static void claim(
      Field at, String term, Located<String> brand, Map<String, Term> owners) {
    Term owner = owners.putIfAbsent(TermKey.of(term), new Term(term, brand));
    if (owner == null || owner.brand().where().equals(brand.where())) {
      return;
    }
    if (owner.written().equalsIgnoreCase(term)) {
      at.report(
          "'"
              + term
              + "' already names brand '"
              + owner.brand().value()
              + "' (names and aliases"
              + " are unique across brands, ignoring case)");
    } else {
      at.report(
          "'"
              + term
              + "' matches the same text as '"
              + owner.written()
              + "' of brand '"
              + owner.brand().value()
              + "' (terms match ignoring case and accents, a space also matching a hyphen or"
              + " nothing, & matching and); keep one of them");
    }
  }

  /** A term as written and the brand it names. */
  private record Term(String written, Located<String> brand) {}

  private static Optional<String> domain(Field at, String text) {
    String d = text.strip().toLowerCase(Locale.ROOT);
    if (d.contains("/") || d.contains(":") || d.contains(" ") || !d.contains(".")) {
      return at.fail("'" + text + "' is not a domain; write the host name alone, like acme.com");
    }
    return Optional.of(d);
  }
}
