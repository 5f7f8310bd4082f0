package dev.vis.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** Reads the top level of a spec into a {@link RunSpec}, reporting every problem it finds. */
final class SpecReader {
  private static final List<String> KEYS =
      List.of(
          "version",
          "name",
          "brands",
          "prompts",
          "models",
          "providers",
          "samples",
          "concurrency",
          "timeout",
          "retry",
          "budget",
          "pricing",
          "max_tasks");
  private static final List<String> RETRY_KEYS =
      List.of("max_attempts", "initial_delay", "max_delay");
  private static final List<String> BUDGET_KEYS = List.of("max_usd");
  private static final List<String> PRICE_KEYS = List.of("input", "output", "search_per_1k");

  private final ReadContext ctx;
  private final String defaultName;
  private final Predicate<ModelSpec> hasPrice;
  private final OptionalInt maxTasksOverride;

  /**
   * @param maxTasksOverride {@code --max-tasks}, which wins over the spec's {@code max_tasks}
   */
  SpecReader(
      ReadContext ctx,
      String defaultName,
      Predicate<ModelSpec> hasPrice,
      OptionalInt maxTasksOverride) {
    this.ctx = ctx;
    this.defaultName = defaultName;
    this.hasPrice = hasPrice;
    this.maxTasksOverride = maxTasksOverride;
  }

  /**
   * A spec that read clean.
   *
   * @param spec the validated, expanded spec
   * @param maxTasks the most tasks a run of it may make
   */
  record Read(RunSpec spec, int maxTasks) {}

  /** The spec, or empty when there were problems (all of them reported). */
  Optional<Read> read(Field root) {
    Optional<FieldMap> opened = FieldMap.open(root, KEYS);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    FieldMap top = opened.get();
    Optional<Integer> version = top.required("version").flatMap(SpecReader::version);
    String name = top.get("name").flatMap(Field::nonBlank).map(String::strip).orElse(defaultName);
    ProvidersReader.Providers providers = ProvidersReader.read(top.get("providers"));
    List<BrandSpec> brands = top.required("brands").map(BrandsReader::read).orElse(List.of());
    Optional<Field> promptsField = top.required("prompts");
    List<Located<ModelSpec>> models =
        top.required("models").map(new ModelsReader(providers, brands)::read).orElse(List.of());
    int samples = top.get("samples").flatMap(f -> f.integer(1)).orElse(RunSpec.DEFAULT_SAMPLES);
    Optional<Integer> maxTasksKey = top.get("max_tasks").flatMap(f -> f.integer(1));
    int maxTasks = maxTasksOverride.orElse(maxTasksKey.orElse(TaskCount.DEFAULT_MAX_TASKS));
    // no more prompts than tasks are built: --samples and --models may lower the count, so
    // the tasks themselves are counted again once those apply
    PromptsReader.Read read =
        promptsField
            .map(new PromptsReader(ctx, maxTasks)::read)
            .orElse(new PromptsReader.Read(List.of(), 0));
    if (read.count() > maxTasks) {
      ctx.report(
          Where.file(ctx.file()),
          new TaskCount(read.count(), Math.max(1, models.size()), samples).refusal(maxTasks));
    }
    List<PromptSpec> prompts = read.prompts();
    int concurrency =
        top.get("concurrency").flatMap(f -> f.integer(1)).orElse(RunSpec.DEFAULT_CONCURRENCY);
    Duration timeout =
        top.get("timeout").flatMap(SpecReader::positiveDuration).orElse(RunSpec.DEFAULT_TIMEOUT);
    RetrySpec retry = top.get("retry").map(this::retry).orElse(RetrySpec.DEFAULT);
    Optional<BudgetSpec> budget = top.get("budget").flatMap(this::budget);
    Map<String, Price> pricing = top.get("pricing").map(this::pricing).orElse(Map.of());
    if (top.has("budget")) {
      checkPrices(models, pricing, providers);
    }
    if (!ctx.problems().isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Read(
            new RunSpec(
                version.get(),
                name,
                brands,
                prompts,
                models.stream().map(Located::value).toList(),
                providers.valid(),
                samples,
                concurrency,
                timeout,
                retry,
                budget,
                pricing),
            maxTasks));
  }

  private static Optional<Integer> version(Field f) {
    Optional<Integer> version = f.integer(0);
    if (version.isPresent() && version.get() != 1) {
      return f.fail("unsupported version " + version.get() + " (this vis reads version 1)");
    }
    return version;
  }

  private static Optional<Duration> positiveDuration(Field f) {
    return f.duration().flatMap(d -> d.isZero() ? f.fail("must be longer than 0") : Optional.of(d));
  }

  private RetrySpec retry(Field field) {
    return FieldMap.open(field, RETRY_KEYS)
        .map(
            r -> {
              int attempts =
                  r.get("max_attempts")
                      .flatMap(f -> f.integer(1))
                      .orElse(RetrySpec.DEFAULT.maxAttempts());
              Duration initial =
                  r.get("initial_delay")
                      .flatMap(Field::duration)
                      .orElse(RetrySpec.DEFAULT.initialDelay());
              Duration max =
                  r.get("max_delay").flatMap(Field::duration).orElse(RetrySpec.DEFAULT.maxDelay());
              if (max.compareTo(initial) < 0) {
                r.get("max_delay")
                    .or(() -> r.get("initial_delay"))
                    .orElseThrow()
                    .report("max_delay must not be shorter than initial_delay");
              }
              return new RetrySpec(attempts, initial, max);
            })
        .orElse(RetrySpec.DEFAULT);
  }

  private Optional<BudgetSpec> budget(Field field) {
    return FieldMap.open(field, BUDGET_KEYS)
        .flatMap(b -> b.required("max_usd"))
        .flatMap(
            f ->
                f.decimal()
                    .flatMap(
                        usd ->
                            usd.signum() > 0
                                ? Optional.of(new BudgetSpec(usd))
                                : f.fail("must be greater than 0, got " + usd.toPlainString())));
  }

  private Map<String, Price> pricing(Field field) {
    Map<String, Price> out = new LinkedHashMap<>();
    for (Field entry : field.entries().orElse(List.of())) {
      FieldMap.open(entry, PRICE_KEYS)
          .ifPresent(
              p -> {
                Optional<BigDecimal> input = p.required("input").flatMap(Field::nonNegativeDecimal);
                Optional<BigDecimal> output =
                    p.required("output").flatMap(Field::nonNegativeDecimal);
                Optional<BigDecimal> search =
                    p.get("search_per_1k").flatMap(Field::nonNegativeDecimal);
                if (input.isPresent() && output.isPresent()) {
                  out.put(entry.key(), new Price(input.get(), output.get(), search));
                }
              });
    }
    return out;
  }

  /**
   * Under a budget every model needs a price: from {@code pricing:} (by model id or name), from
   * {@code hasPrice}, or by costing nothing (sim, and openai-compatible servers on loopback).
   */
  private void checkPrices(
      List<Located<ModelSpec>> models,
      Map<String, Price> pricing,
      ProvidersReader.Providers providers) {
    for (Located<ModelSpec> located : models) {
      ModelSpec model = located.value();
      if (!isFree(Endpoint.resolve(model, providers.valid()))
          && !pricing.containsKey(model.id())
          && !pricing.containsKey(model.model())
          && !hasPrice.test(model)) {
        ctx.report(
            located.where(),
            "no price for model '"
                + model.model()
                + "', and budget: needs"
                + " one; add pricing: {"
                + model.model()
                + ": {input: …, output: …}} in USD per"
                + " million tokens");
      }
    }
  }

  static boolean isFree(Endpoint endpoint) {
    return endpoint.type() == ProviderType.SIM
        || (endpoint.type() == ProviderType.OPENAI_COMPATIBLE
            && endpoint.baseUrl().map(BaseUrl::isLoopback).orElse(false));
  }
}
