package dev.vis.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a spec wrote each brand's name and aliases, each prompt (its id, or its line in a prompts
 * CSV; every prompt of a matrix at the matrix's id) and each model, so that advice about them can
 * point at the place. Immutable.
 */
public final class SpecPlaces {
  /** Places of a spec built in code: none known. */
  public static final SpecPlaces NONE = new SpecPlaces(Map.of(), Map.of(), Map.of());

  private final Map<Integer, List<Where>> brands;
  private final Map<String, Where> prompts;
  private final Map<String, Where> models;

  private SpecPlaces(
      Map<Integer, List<Where>> brands, Map<String, Where> prompts, Map<String, Where> models) {
    this.brands = Map.copyOf(brands);
    this.prompts = Map.copyOf(prompts);
    this.models = Map.copyOf(models);
  }

  /** Where brand {@code brand} (spec order) wrote its name. */
  public Optional<Where> name(int brand) {
    return term(brand, 0);
  }

  /** Where brand {@code brand} wrote its alias {@code alias} (both in spec order). */
  public Optional<Where> alias(int brand, int alias) {
    return term(brand, alias + 1);
  }

  /** Where the prompt with this id was written. */
  public Optional<Where> prompt(String id) {
    return Optional.ofNullable(prompts.get(id));
  }

  /** Where the model with this id was written. */
  public Optional<Where> model(String id) {
    return Optional.ofNullable(models.get(id));
  }

  private Optional<Where> term(int brand, int term) {
    List<Where> terms = brands.getOrDefault(brand, List.of());
    return term < terms.size() ? Optional.of(terms.get(term)) : Optional.empty();
  }

  /** Collects the places while a spec is read. */
  static final class Builder {
    private final Map<Integer, List<Where>> brands = new HashMap<>();
    private final Map<String, Where> prompts = new HashMap<>();
    private final Map<String, Where> models = new HashMap<>();

    void brand(int brand, Where name, List<Where> aliases) {
      brands.put(brand, Stream.concat(Stream.of(name), aliases.stream()).toList());
    }

    void prompt(String id, Where where) {
      prompts.put(id, where);
    }

    void model(String id, Where where) {
      models.put(id, where);
    }

    SpecPlaces build() {
      return new SpecPlaces(brands, prompts, models);
    }
  }
}
