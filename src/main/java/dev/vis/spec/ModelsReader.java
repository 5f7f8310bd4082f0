package dev.vis.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code models:}, resolving each model's provider against {@code providers:}. */
final class ModelsReader {
  private static final List<String> KEYS =
      List.of(
          "id",
          "provider",
          "model",
          "temperature",
          "max_tokens",
          "system",
          "web_search",
          "base_url",
          "api_key_env",
          "allow_insecure_http",
          "sim",
          "concurrency",
          "rpm",
          "tpm");
  private static final List<String> SIM_KEYS = List.of("seed", "mention_rate");
  private static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(2);

  private final ProvidersReader.Providers providers;
  private final List<String> brandNames;

  ModelsReader(ProvidersReader.Providers providers, List<BrandSpec> brands) {
    this.providers = providers;
    this.brandNames = brands.stream().map(BrandSpec::name).toList();
  }

  /** The models read, each located at its entry. */
  List<Located<ModelSpec>> read(Field models) {
    List<Located<ModelSpec>> out = new ArrayList<>();
    Map<String, Where> ids = new HashMap<>();
    for (Field item : models.items(true).orElse(List.of())) {
      Optional<FieldMap> opened = FieldMap.open(item, KEYS);
      Optional<ModelSpec> model = opened.flatMap(this::model);
      if (model.isEmpty()) {
        continue;
      }
      String id = model.get().id();
      Where at = opened.get().get("id").orElseThrow().where();
      Where first = ids.putIfAbsent(id, at);
      if (first != null) {
        item.ctx()
            .report(at, "duplicate model id '" + id + "' (first at " + first.position() + ")");
      } else {
        item.ctx().places().model(id, at);
        out.add(new Located<>(model.get(), item.where()));
      }
    }
    return out;
  }

  private Optional<ModelSpec> model(FieldMap m) {
    Optional<String> id = m.required("id").flatMap(Field::nonBlank).map(String::strip);
    Optional<Field> providerField = m.required("provider");
    Optional<String> provider = providerField.flatMap(Field::nonBlank).map(String::strip);
    Optional<ProviderSpec> settings =
        provider.flatMap(p -> Optional.ofNullable(providers.valid().get(p)));
    Optional<ProviderType> type =
        settings.map(ProviderSpec::type).or(() -> provider.flatMap(ProviderType::byId));
    if (provider.isPresent() && type.isEmpty() && !providers.names().contains(provider.get())) {
      providerField
          .get()
          .report("unknown provider '" + provider.get() + "'" + providerHint(provider.get()));
    }
    Optional<String> model =
        type.filter(t -> t == ProviderType.SIM).isPresent() && !m.has("model")
            ? Optional.of("sim")
            : type.isEmpty() && !m.has("model")
                ? Optional.empty()
                : m.required("model").flatMap(Field::nonBlank).map(String::strip);
    OptionalDouble temperature =
        m.get("temperature")
            .flatMap(f -> f.decimalBetween(BigDecimal.ZERO, MAX_TEMPERATURE))
            .map(t -> OptionalDouble.of(t.doubleValue()))
            .orElse(OptionalDouble.empty());
    OptionalInt maxTokens = ProvidersReader.positive(m, "max_tokens");
    Optional<String> system = m.get("system").flatMap(Field::string);
    boolean webSearch = m.get("web_search").flatMap(Field::bool).orElse(false);
    boolean insecure =
        m.get("allow_insecure_http").flatMap(Field::bool).orElse(false)
            || settings.map(ProviderSpec::allowInsecureHttp).orElse(false);
    Optional<BaseUrl> baseUrl = m.get("base_url").flatMap(f -> Urls.checked(f, insecure));
    Optional<String> keyEnv = m.get("api_key_env").flatMap(Field::envName);
    Optional<SimSpec> sim = m.get("sim").flatMap(this::sim);
    OptionalInt concurrency = ProvidersReader.positive(m, "concurrency");
    OptionalInt rpm = ProvidersReader.positive(m, "rpm");
    OptionalInt tpm = ProvidersReader.positive(m, "tpm");

    if (type.isPresent() && type.get() != ProviderType.SIM && m.has("sim")) {
      m.get("sim")
          .orElseThrow()
          .report(
              "only sim models take a sim: block (this model's"
                  + " provider type is "
                  + type.get().id()
                  + ")");
    }
    if (type.filter(t -> t == ProviderType.OPENAI_COMPATIBLE).isPresent()
        && !m.has("base_url")
        && settings.flatMap(ProviderSpec::baseUrl).isEmpty()) {
      providerField
          .get()
          .report(
              "openai-compatible needs a base_url, on the model or under"
                  + " providers: (like http://localhost:11434/v1)");
    }
    if (id.isEmpty() || type.isEmpty() || model.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelSpec(
            id.get(),
            provider.get(),
            model.get(),
            temperature,
            maxTokens,
            system,
            webSearch,
            baseUrl,
            keyEnv,
            insecure,
            sim,
            concurrency,
            rpm,
            tpm));
  }

  private String providerHint(String name) {
    Set<String> known = new LinkedHashSet<>(providers.names());
    known.addAll(ProvidersReader.typeIds());
    return DidYouMean.closest(name, known)
        .map(s -> " (did you mean '" + s + "'?)")
        .orElse(
            " (use a key of providers: or one of "
                + String.join(", ", ProvidersReader.typeIds())
                + ")");
  }

  private Optional<SimSpec> sim(Field field) {
    Optional<FieldMap> opened = FieldMap.open(field, SIM_KEYS);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    FieldMap sim = opened.get();
    long seed = sim.get("seed").flatMap(Field::longInteger).orElse(0L);
    Map<String, Double> rates = new LinkedHashMap<>();
    for (Field rate : sim.get("mention_rate").flatMap(Field::entries).orElse(List.of())) {
      if (brandNames.contains(rate.key())) {
        rate.decimalBetween(BigDecimal.ZERO, BigDecimal.ONE)
            .ifPresent(r -> rates.put(rate.key(), r.doubleValue()));
      } else {
        rate.report(
            "unknown brand '"
                + rate.key()
                + "'"
                + DidYouMean.closest(rate.key(), brandNames)
                    .map(b -> " (did you mean '" + b + "'?)")
                    .orElse(" (brands: " + String.join(", ", brandNames) + ")"));
      }
    }
    return Optional.of(new SimSpec(seed, rates));
  }
}
