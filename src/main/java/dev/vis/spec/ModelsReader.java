package dev.vis.spec;

import java.math.BigDecimal;
import java.net.URI;
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
      List.of("id", "provider", "model", "temperature", "max_tokens", "system", "web_search",
          "base_url", "api_key_env", "allow_insecure_http", "sim", "concurrency", "rpm", "tpm");
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
      opened.flatMap(this::model).ifPresent(model -> {
        Where id = opened.get().get("id").orElseThrow().where();
        Where first = ids.putIfAbsent(model.id(), id);
        if (first != null) {
          item.ctx().report(id, "duplicate model id '" + model.id() + "' (first at " + first.position() + ")");
        } else {
          out.add(new Located<>(model, item.where()));
        }
      });
    }
    return out;
  }

  private Optional<ModelSpec> model(FieldMap m) {
    Optional<String> id = m.required("id").flatMap(Field::nonBlank).map(String::strip);
    Optional<Field> providerField = m.required("provider");
    Optional<String> provider = providerField.flatMap(Field::nonBlank).map(String::strip);
    Optional<ProviderSpec> settings = provider.flatMap(p -> Optional.ofNullable(providers.valid().get(p)));
    Optional<ProviderType> type = settings.map(ProviderSpec::type).or(() -> provider.flatMap(ProviderType::byId));
    if (provider.isPresent() && type.isEmpty() && !providers.names().contains(provider.get())) {
      providerField.get().report("unknown provider '" + provider.get() + "'" + providerHint(provider.get()));
    }
    Optional<String> model =
        type.filter(t -> t == ProviderType.SIM).isPresent() && !m.has("model")
            ? Optional.of("sim")
            : type.isEmpty() && !m.has("model") ? Optional.empty()
            : m.required("model").flatMap(Field::nonBlank).map(String::strip);
    OptionalDouble temperature = m.get("temperature").flatMap(f -> f.nonNegativeDecimal().flatMap(t ->
        t.compareTo(MAX_TEMPERATURE) > 0 ? f.fail("must be between 0 and 2, got " + t.toPlainString()) : Optional.of(t)))
        .map(t -> OptionalDouble.of(t.doubleValue())).orElse(OptionalDouble.empty());
    OptionalInt maxTokens = ProvidersReader.positive(m, "max_tokens");
    Optional<String> system = m.get("system").flatMap(Field::string);
    boolean webSearch = m.get("web_search").flatMap(Field::bool).orElse(false);
    boolean insecure = m.get("allow_insecure_http").flatMap(Field::bool).orElse(false)
        || settings.map(ProviderSpec::allowInsecureHttp).orElse(false);
    Optional<URI> baseUrl = m.get("base_url").flatMap(f -> Urls.checked(f, insecure));
    Optional<String> keyEnv = m.get("api_key_env").flatMap(Field::envName);
    Optional<SimSpec> sim = m.get("sim").flatMap(this::sim);
    OptionalInt concurrency = ProvidersReader.positive(m, "concurrency");
    OptionalInt rpm = ProvidersReader.positive(m, "rpm");
    OptionalInt tpm = ProvidersReader.positive(m, "tpm");

    type.filter(t -> t != ProviderType.SIM).ifPresent(t -> m.get("sim").ifPresent(f ->
        f.report("only sim models take a sim: block (this model's provider type is " + t.id() + ")")));
    if (type.filter(t -> t == ProviderType.OPENAI_COMPATIBLE).isPresent()
        && !m.has("base_url") && settings.flatMap(ProviderSpec::baseUrl).isEmpty()) {
      providerField.get().report("openai-compatible needs a base_url, on the model or under"
          + " providers: (like http://localhost:11434/v1)");
    }
    if (id.isEmpty() || type.isEmpty() || model.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ModelSpec(id.get(), provider.get(), model.get(), temperature, maxTokens,
        system, webSearch, baseUrl, keyEnv, insecure, sim, concurrency, rpm, tpm));
  }

  private String providerHint(String name) {
    Set<String> known = new LinkedHashSet<>(providers.names());
    known.addAll(ProvidersReader.typeIds());
    return DidYouMean.closest(name, known)
        .map(s -> " (did you mean '" + s + "'?)")
        .orElse(" (use a key of providers: or one of " + String.join(", ", ProvidersReader.typeIds()) + ")");
  }

  private Optional<SimSpec> sim(Field field) {
    return FieldMap.open(field, SIM_KEYS).map(s -> {
      long seed = s.get("seed").flatMap(Field::longInteger).orElse(0L);
      Map<String, Double> rates = new LinkedHashMap<>();
      for (Field rate : s.get("mention_rate").flatMap(Field::entries).orElse(List.of())) {
        if (!brandNames.contains(rate.key())) {
          rate.report("unknown brand '" + rate.key() + "'" + DidYouMean.closest(rate.key(), brandNames)
              .map(b -> " (did you mean '" + b + "'?)")
              .orElse(" (brands: " + String.join(", ", brandNames) + ")"));
          continue;
        }
        rate.decimal().ifPresent(r -> {
          if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            rate.report("must be between 0 and 1, got " + r.toPlainString());
          } else {
            rates.put(rate.key(), r.doubleValue());
          }
        });
      }
      return new SimSpec(seed, rates);
    });
  }
}
