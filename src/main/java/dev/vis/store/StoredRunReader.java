package dev.vis.store;

import dev.vis.spec.BaseUrl;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.BudgetSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.ProviderSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.RetrySpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SimSpec;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/** Rebuilds the resolved spec a run used from its own tables, not from today's file. */
final class StoredRunReader {
  private StoredRunReader() {}

  static StoredRun read(Handle h, RunSummary summary) {
    String id = summary.id();
    List<BrandSpec> brands =
        h.createQuery(
                "SELECT name, aliases, domains, exclude, is_primary, case_sensitive,"
                    + " accent_sensitive FROM run_brands WHERE run_id = ? ORDER BY ord")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new BrandSpec(
                        rs.getString(1),
                        JsonColumns.strings(rs.getString(2)),
                        JsonColumns.strings(rs.getString(3)),
                        JsonColumns.strings(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
            .list();
    List<PromptSpec> prompts =
        h.createQuery("SELECT prompt_id, text, tags FROM run_prompts WHERE run_id = ? ORDER BY ord")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new PromptSpec(
                        rs.getString(1), rs.getString(2), JsonColumns.strings(rs.getString(3))))
            .list();
    Map<String, ProviderSpec> providers = new LinkedHashMap<>();
    h.createQuery(
            "SELECT name, type, api_key_env, base_url, concurrency, rpm, tpm, headers,"
                + " allow_insecure_http FROM run_providers WHERE run_id = ?")
        .bind(0, id)
        .map(
            (rs, ctx) ->
                new ProviderSpec(
                    rs.getString(1),
                    ProviderType.byId(rs.getString(2)).orElseThrow(),
                    Optional.ofNullable(rs.getString(3)),
                    Optional.ofNullable(rs.getString(4)).map(BaseUrl::new),
                    optionalInt(rs, 5),
                    optionalInt(rs, 6),
                    optionalInt(rs, 7),
                    JsonColumns.stringMap(rs.getString(8)),
                    rs.getBoolean(9)))
        .forEach(p -> providers.put(p.name(), p));
    List<ModelSpec> models = new ArrayList<>();
    List<Optional<Price>> prices = new ArrayList<>();
    h.createQuery(
            """
            SELECT model_id, provider, model, temperature, max_tokens, system, web_search, base_url,
              api_key_env, allow_insecure_http, sim_seed, sim_rates, concurrency, rpm, tpm,
              price_input, price_output, price_search
            FROM run_models WHERE run_id = ? ORDER BY ord
            """)
        .bind(0, id)
        .map(
            (rs, ctx) -> {
              prices.add(price(rs.getString(16), rs.getString(17), rs.getString(18)));
              return new ModelSpec(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4) == null
                      ? OptionalDouble.empty()
                      : OptionalDouble.of(rs.getDouble(4)),
                  optionalInt(rs, 5),
                  Optional.ofNullable(rs.getString(6)),
                  rs.getBoolean(7),
                  Optional.ofNullable(rs.getString(8)).map(BaseUrl::new),
                  Optional.ofNullable(rs.getString(9)),
                  rs.getBoolean(10),
                  rs.getObject(11) == null
                      ? Optional.empty()
                      : Optional.of(
                          new SimSpec(rs.getLong(11), JsonColumns.doubleMap(rs.getString(12)))),
                  optionalInt(rs, 13),
                  optionalInt(rs, 14),
                  optionalInt(rs, 15));
            })
        .forEach(models::add);
    Settings settings =
        h.createQuery(
                "SELECT samples, concurrency, timeout_ms, retry_max_attempts, retry_initial_ms,"
                    + " retry_max_ms, max_usd, spec_text, spec_samples FROM runs WHERE id = ?")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new Settings(
                        rs.getInt(1),
                        rs.getInt(2),
                        Duration.ofMillis(rs.getLong(3)),
                        new RetrySpec(
                            rs.getInt(4),
                            Duration.ofMillis(rs.getLong(5)),
                            Duration.ofMillis(rs.getLong(6))),
                        Optional.ofNullable(rs.getString(7))
                            .map(v -> new BudgetSpec(new BigDecimal(v))),
                        rs.getString(8),
                        rs.getInt(9)))
            .one();
    RunSpec spec =
        new RunSpec(
            1,
            summary.name(),
            brands,
            prompts,
            models,
            providers,
            settings.samples,
            settings.concurrency,
            settings.timeout,
            settings.retry,
            settings.budget,
            Map.of());
    List<StoredModel> stored = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      stored.add(new StoredModel(models.get(i), spec.endpointOf(models.get(i)), prices.get(i)));
    }
    return new StoredRun(summary, spec, settings.specText, stored, settings.specSamples);
  }

  /** The price stored as text columns: none when the input price is NULL. */
  static Optional<Price> price(String input, String output, String search) {
    return input == null
        ? Optional.empty()
        : Optional.of(
            new Price(
                new BigDecimal(input),
                new BigDecimal(output),
                Optional.ofNullable(search).map(BigDecimal::new)));
  }

  private static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column) == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt(column));
  }

  private record Settings(
      int samples,
      int concurrency,
      Duration timeout,
      RetrySpec retry,
      Optional<BudgetSpec> budget,
      String specText,
      int specSamples) {}
}
