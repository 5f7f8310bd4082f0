package dev.vis.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Spec records with every optional part left out, for tests in any package that build a run without
 * loading YAML.
 */
public final class SpecRecords {
  /**
   * Acme CRM with its brand fields set, as {@code spec/full-example.yaml} declares it: primary,
   * also called Acme and AcmeCRM, at acme.com, and not matched inside "Acme Anvil".
   */
  public static final BrandSpec ACME_CRM =
      new BrandSpec(
          "Acme CRM",
          List.of("Acme", "AcmeCRM"),
          List.of("acme.com"),
          List.of("Acme Anvil"),
          true,
          false);

  private SpecRecords() {}

  /** A model with nothing but its id, provider key and provider model name. */
  public static ModelSpec model(String id, String provider, String modelName) {
    return model(id, provider, modelName, Optional.empty());
  }

  /** A {@code sim} model with these settings. */
  public static ModelSpec simModel(String id, SimSpec sim) {
    return model(id, "sim", "sim", Optional.of(sim));
  }

  /** {@code m} allowed to search the web. */
  public static ModelSpec withWebSearch(ModelSpec m) {
    return with(m, true, m.sim());
  }

  private static ModelSpec model(
      String id, String provider, String modelName, Optional<SimSpec> sim) {
    return new ModelSpec(
        id,
        provider,
        modelName,
        OptionalDouble.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        sim,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  private static ModelSpec with(ModelSpec m, boolean webSearch, Optional<SimSpec> sim) {
    return new ModelSpec(
        m.id(),
        m.provider(),
        m.model(),
        m.temperature(),
        m.maxTokens(),
        m.system(),
        webSearch,
        m.baseUrl(),
        m.apiKeyEnv(),
        m.allowInsecureHttp(),
        sim,
        m.concurrency(),
        m.rpm(),
        m.tpm());
  }

  /**
   * A run of these brands, prompts and models, without providers, budget or prices, on the default
   * retry policy.
   */
  public static RunSpec run(
      String name,
      List<BrandSpec> brands,
      List<PromptSpec> prompts,
      List<ModelSpec> models,
      int samples,
      int concurrency,
      Duration timeout) {
    return new RunSpec(
        1,
        name,
        brands,
        prompts,
        models,
        Map.of(),
        samples,
        concurrency,
        timeout,
        RetrySpec.DEFAULT,
        Optional.empty(),
        Map.of());
  }
}
