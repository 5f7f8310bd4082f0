package dev.vis.spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code providers:}, a map of provider names to their settings. */
final class ProvidersReader {
  private static final List<String> KEYS =
      List.of(
          "type",
          "api_key_env",
          "base_url",
          "concurrency",
          "rpm",
          "tpm",
          "headers",
          "allow_insecure_http");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "apikey", "xapikey", "proxyauthorization", "xgoogapikey");

  /**
   * The providers read.
   *
   * @param valid the providers without problems, by name
   * @param names every name written, valid or not (so models naming a broken one are not also
   *     reported as naming an unknown one)
   */
  record Providers(Map<String, ProviderSpec> valid, Set<String> names) {}

  private ProvidersReader() {}

  static List<String> typeIds() {
    return Arrays.stream(ProviderType.values()).map(ProviderType::id).toList();
  }

  static Providers read(Optional<Field> providers) {
    Map<String, ProviderSpec> valid = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (Field entry : providers.flatMap(Field::entries).orElse(List.of())) {
      names.add(entry.key());
      read(entry).ifPresent(p -> valid.put(p.name(), p));
    }
    return new Providers(valid, names);
  }

  private static Optional<ProviderSpec> read(Field entry) {
    String name = entry.key();
    int problemsBefore = entry.ctx().problems().count();
    Optional<FieldMap> opened = FieldMap.open(entry, KEYS);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    FieldMap p = opened.get();
    Optional<ProviderType> type = type(entry, p);
    Optional<String> keyEnv = p.get("api_key_env").flatMap(Field::envName);
    boolean insecure = p.get("allow_insecure_http").flatMap(Field::bool).orElse(false);
    Optional<BaseUrl> baseUrl = p.get("base_url").flatMap(f -> Urls.checked(f, insecure));
    OptionalInt concurrency = positive(p, "concurrency");
    OptionalInt rpm = positive(p, "rpm");
    OptionalInt tpm = positive(p, "tpm");
    Map<String, String> headers = p.get("headers").map(ProvidersReader::headers).orElse(Map.of());
    if (type.isEmpty() || entry.ctx().problems().count() > problemsBefore) {
      return Optional.empty(); // its models are not checked against half a provider
    }
    return Optional.of(
        new ProviderSpec(
            name, type.get(), keyEnv, baseUrl, concurrency, rpm, tpm, headers, insecure));
  }

  private static Optional<ProviderType> type(Field entry, FieldMap p) {
    Optional<Field> typeField = p.get("type");
    if (typeField.isEmpty()) {
      Optional<ProviderType> byName = ProviderType.byId(entry.key());
      if (byName.isEmpty()) {
        entry.report(
            "'"
                + entry.key()
                + "' is not a built-in provider type, so it needs type:"
                + " (one of "
                + String.join(", ", typeIds())
                + ")"
                + DidYouMean.hint(entry.key(), typeIds()));
      }
      return byName;
    }
    Field f = typeField.get();
    return f.string()
        .flatMap(
            id ->
                ProviderType.byId(id)
                    .or(
                        () ->
                            f.fail(
                                "unknown provider type '"
                                    + id
                                    + "'"
                                    + DidYouMean.closest(id, typeIds())
                                        .map(s -> " (did you mean '" + s + "'?)")
                                        .orElse(
                                            " (one of " + String.join(", ", typeIds()) + ")"))));
  }

  /** Header names and values as written; the variables they name must exist. */
  private static Map<String, String> headers(Field headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field header : headers.entries().orElse(List.of())) {
      Optional<String> value = header.raw();
      if (value.isEmpty()) {
        continue;
      }
      boolean ok = header.ctx().checkVariables(header.key(), header.where());
      ok &= header.ctx().checkVariables(value.get(), header.where());
      String normalized = header.key().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      if (SECRET_HEADERS.contains(normalized) && !value.get().contains("${")) {
        header.report(
            "secrets do not belong in a spec; take the value from the environment,"
                + " like "
                + header.key()
                + ": Bearer ${ROUTER_API_KEY}");
        ok = false;
      }
      if (ok) {
        out.put(header.key(), value.get());
      }
    }
    return out;
  }

  static OptionalInt positive(FieldMap map, String key) {
    return map.get(key).flatMap(f -> f.integer(1)).map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
