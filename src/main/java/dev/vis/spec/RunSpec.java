package dev.vis.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, fully expanded run spec: matrix prompts expanded, CSV prompt files read, {@code
 * ${VAR}} interpolated (except provider header values, which stay as written until a call needs
 * them).
 *
 * @param version the spec format version (1)
 * @param name the spec name (default: the file name without extension)
 * @param brands tracked brands, in spec order
 * @param prompts expanded prompts, in spec order
 * @param models models to ask, in spec order
 * @param providers per-provider settings keyed by provider name (may be empty)
 * @param samples answers per (prompt, model)
 * @param concurrency in-flight calls in all
 * @param timeout per attempt
 * @param retry retry policy
 * @param budget optional cost cap
 * @param pricing price overrides keyed by model id or provider model name
 */
public record RunSpec(
    int version,
    String name,
    List<BrandSpec> brands,
    List<PromptSpec> prompts,
    List<ModelSpec> models,
    Map<String, ProviderSpec> providers,
    int samples,
    int concurrency,
    Duration timeout,
    RetrySpec retry,
    Optional<BudgetSpec> budget,
    Map<String, Price> pricing) {

  public static final int DEFAULT_SAMPLES = 3;
  public static final int DEFAULT_CONCURRENCY = 16;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public RunSpec {
    Objects.requireNonNull(name, "name");
    brands = List.copyOf(brands);
    prompts = List.copyOf(prompts);
    models = List.copyOf(models);
    providers = Map.copyOf(providers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(budget, "budget");
    pricing = Map.copyOf(pricing);
  }

  /**
   * The effective endpoint of a model: its provider's settings merged with the model's overrides.
   */
  public Endpoint endpointOf(ModelSpec model) {
    return Endpoint.resolve(model, providers);
  }

  public Optional<BrandSpec> primaryBrand() {
    return brands.stream().filter(BrandSpec::primary).findFirst();
  }

  /** A copy with other models, samples, concurrency or budget (the CLI's overrides). */
  public RunSpec with(
      List<ModelSpec> models, int samples, int concurrency, Optional<BudgetSpec> budget) {
    return copy(brands, models, samples, concurrency, budget);
  }

  /** This spec under other brand rules: what a replay re-scores a run with. */
  public RunSpec withBrands(List<BrandSpec> brands) {
    return copy(brands, models, samples, concurrency, budget);
  }

  /** A copy that differs in what a replay or the CLI's overrides may change. */
  private RunSpec copy(
      List<BrandSpec> brands,
      List<ModelSpec> models,
      int samples,
      int concurrency,
      Optional<BudgetSpec> budget) {
    return new RunSpec(
        version,
        name,
        brands,
        prompts,
        models,
        providers,
        samples,
        concurrency,
        timeout,
        retry,
        budget,
        pricing);
  }
}
