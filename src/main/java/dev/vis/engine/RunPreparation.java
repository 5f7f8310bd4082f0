package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.provider.PriceTable;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.BudgetSpec;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import dev.vis.spec.ProviderType;
import dev.vis.spec.RequiredKeys;
import dev.vis.spec.RunSpec;
import dev.vis.store.StoredModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything checked and resolved before a run is written: the effective spec, the models with
 * their endpoints and prices, the key variables and that every provider can be built.
 */
public final class RunPreparation {
  private RunPreparation() {}

  /**
   * The spec with the command line's overrides applied, checked for what a run needs, its size
   * included.
   *
   * @throws dev.vis.spec.SpecException when it makes more tasks than the spec's max_tasks (exit 2)
   */
  public static RunSpec effectiveSpec(LoadedSpec loaded, RunOptions options) {
    RunSpec spec = effectiveSpec(loaded.spec(), options);
    loaded.checkSize(spec);
    return spec;
  }

  /** The spec with the command line's overrides applied, checked for what a run needs. */
  public static RunSpec effectiveSpec(RunSpec spec, RunOptions options) {
    List<ModelSpec> models = spec.models();
    if (options.models().isPresent()) {
      List<String> wanted = options.models().get();
      List<String> known = models.stream().map(ModelSpec::id).toList();
      for (String id : wanted) {
        if (!known.contains(id)) {
          throw VisException.usage(
              "--models: no model '"
                  + id
                  + "' in the spec (models: "
                  + String.join(", ", known)
                  + ")");
        }
      }
      models = models.stream().filter(m -> wanted.contains(m.id())).toList();
    }
    Optional<BudgetSpec> budget = options.maxUsd().map(BudgetSpec::new).or(spec::budget);
    return spec.with(
        models,
        options.samples().orElse(spec.samples()),
        options.concurrency().orElse(spec.concurrency()),
        budget);
  }

  /** The models with their endpoints and prices; fails (exit 2) on a missing key variable. */
  public static List<StoredModel> resolveModels(RunSpec spec, Map<String, String> env) {
    List<String> missing = RequiredKeys.missing(spec, env);
    if (!missing.isEmpty()) {
      throw VisException.usage(
          "missing environment variable"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + ": set the API key there before running (cron jobs have no shell profile; export"
              + " it in the job itself)");
    }
    return priced(spec);
  }

  /** The models with their endpoints and the prices they will be costed with. */
  public static List<StoredModel> priced(RunSpec spec) {
    PriceTable prices = PriceTable.builtIn().withOverrides(spec.pricing());
    List<StoredModel> models = new ArrayList<>();
    for (ModelSpec model : spec.models()) {
      var endpoint = spec.endpointOf(model);
      Optional<Price> price = prices.find(model.id(), model.model());
      if (price.isEmpty() && isFree(endpoint)) {
        // sim and a model on this machine cost nothing unless the spec prices them
        price = Optional.of(new Price(BigDecimal.ZERO, BigDecimal.ZERO));
      }
      models.add(new StoredModel(model, endpoint, price));
    }
    return models;
  }

  /** Under a cost cap every model needs a price, or its calls would cost an unknown amount. */
  static void requirePrices(boolean capped, List<StoredModel> models) {
    if (!capped) {
      return;
    }
    List<String> unpriced =
        models.stream().filter(m -> m.price().isEmpty()).map(m -> m.spec().id()).toList();
    if (!unpriced.isEmpty()) {
      throw VisException.usage(
          "a cost cap needs a price for every model; no price for "
              + String.join(", ", unpriced)
              + ": add it under `pricing:` (USD per million input and output tokens)");
    }
  }

  private static boolean isFree(dev.vis.spec.Endpoint endpoint) {
    return endpoint.type() == ProviderType.SIM
        || (endpoint.type() == ProviderType.OPENAI_COMPATIBLE
            && endpoint.baseUrl().map(dev.vis.spec.BaseUrl::isLoopback).orElse(false));
  }

  /**
   * Checks everything a new run needs before anything is written: overrides, key variables, prices
   * and that every model's provider can be built.
   */
  public static PreparedRun prepare(
      LoadedSpec loaded, RunOptions options, ProviderFactory providers, Map<String, String> env) {
    RunSpec spec = effectiveSpec(loaded, options);
    List<StoredModel> models = resolveModels(spec, env);
    requirePrices(spec.budget().isPresent(), models);
    for (StoredModel model : models) {
      providers.create(model.spec(), model.endpoint(), spec.brands());
    }
    return new PreparedRun(loaded, spec, models);
  }
}
