package dev.vis.store;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.ProviderSpec;
import dev.vis.spec.RunSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Creates and deletes runs. */
final class RunWrites {
  private RunWrites() {}

  static void create(Handle h, NewRun run) {
    RunSpec spec = run.spec();
    String now = Timestamps.format(run.createdAt());
    h.createUpdate(
            """
            INSERT INTO runs (id, name, spec_path, spec_text, spec_sha256, status, created_at,
              source_run_id, samples, spec_samples, concurrency, timeout_ms, retry_max_attempts, retry_initial_ms,
              retry_max_ms, max_usd, owner_host, owner_pid, heartbeat_at, vis_version)
            VALUES (:id, :name, :path, :text, :sha, 'running', :now, :source, :samples, :specSamples,
              :concurrency, :timeout, :attempts, :initial, :max, :maxUsd, :host, :pid, :now,
              :version)
            """)
        .bind("id", run.id())
        .bind("name", spec.name())
        .bind("path", run.specPath())
        .bind("text", run.specText())
        .bind("sha", run.specSha256())
        .bind("now", now)
        .bind("source", run.sourceRunId().orElse(null))
        .bind("samples", spec.samples())
        .bind("specSamples", run.specSamples())
        .bind("concurrency", spec.concurrency())
        .bind("timeout", spec.timeout().toMillis())
        .bind("attempts", spec.retry().maxAttempts())
        .bind("initial", spec.retry().initialDelay().toMillis())
        .bind("max", spec.retry().maxDelay().toMillis())
        .bind("maxUsd", spec.budget().map(b -> b.maxUsd().toPlainString()).orElse(null))
        .bind("host", run.owner().host())
        .bind("pid", run.owner().pid())
        .bind("version", dev.vis.Version.current())
        .execute();
    insertBrands(h, run.id(), spec.brands());
    insertPrompts(h, run.id(), spec.prompts());
    insertProviders(h, run.id(), spec, run.models());
    insertModels(h, run.id(), run.models());
    if (run.sourceRunId().isPresent()) {
      h.createUpdate(
              """
              INSERT INTO tasks (run_id, seq, prompt_id, model_id, sample, status, attempts, error,
                answer_id, updated_at)
              SELECT :id, seq, prompt_id, model_id, sample, status, attempts, error, answer_id, :now
              FROM tasks WHERE run_id = :source ORDER BY id
              """)
          .bind("id", run.id())
          .bind("now", now)
          .bind("source", run.sourceRunId().get())
          .execute();
    } else {
      PreparedBatch batch =
          h.prepareBatch(
              "INSERT INTO tasks (run_id, seq, prompt_id, model_id, sample, status, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, 'pending', ?)");
      for (NewTask task : run.tasks()) {
        batch
            .bind(0, run.id())
            .bind(1, task.seq())
            .bind(2, task.promptId())
            .bind(3, task.modelId())
            .bind(4, task.sample())
            .bind(5, now)
            .add();
      }
      if (!run.tasks().isEmpty()) {
        batch.execute();
      }
    }
  }

  private static void insertBrands(Handle h, String runId, List<BrandSpec> brands) {
    insertInOrder(
        h,
        "INSERT INTO run_brands (run_id, ord, name, aliases, domains, exclude, is_primary,"
            + " case_sensitive, accent_sensitive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runId,
        brands,
        (batch, b) ->
            batch
                .bind(2, b.name())
                .bind(3, JsonColumns.write(b.aliases()))
                .bind(4, JsonColumns.write(b.domains()))
                .bind(5, JsonColumns.write(b.exclude()))
                .bind(6, b.primary())
                .bind(7, b.caseSensitive())
                .bind(8, b.accentSensitive()));
  }

  private static void insertPrompts(Handle h, String runId, List<PromptSpec> prompts) {
    insertInOrder(
        h,
        "INSERT INTO run_prompts (run_id, ord, prompt_id, text, tags) VALUES (?, ?, ?, ?, ?)",
        runId,
        prompts,
        (batch, p) -> batch.bind(2, p.id()).bind(3, p.text()).bind(4, JsonColumns.write(p.tags())));
  }

  /**
   * One row of {@code sql} per item, in one batch: the run id and the item's index bound first,
   * {@code columns} binding the rest from parameter 2.
   */
  private static <T> void insertInOrder(
      Handle h, String sql, String runId, List<T> items, BiConsumer<PreparedBatch, T> columns) {
    PreparedBatch batch = h.prepareBatch(sql);
    for (int i = 0; i < items.size(); i++) {
      batch.bind(0, runId).bind(1, i);
      columns.accept(batch, items.get(i));
      batch.add();
    }
    batch.execute();
  }

  private static void insertProviders(
      Handle h, String runId, RunSpec spec, List<StoredModel> models) {
    Map<String, ProviderSpec> used = new LinkedHashMap<>();
    for (StoredModel m : models) {
      ProviderSpec p = spec.providers().get(m.spec().provider());
      if (p != null) {
        used.putIfAbsent(p.name(), p);
      }
    }
    for (ProviderSpec p : used.values()) {
      h.createUpdate(
              "INSERT INTO run_providers (run_id, name, type, api_key_env, base_url, concurrency,"
                  + " rpm, tpm, headers, allow_insecure_http) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, runId)
          .bind(1, p.name())
          .bind(2, p.type().id())
          .bind(3, p.apiKeyEnv().orElse(null))
          .bind(4, p.baseUrl().map(Object::toString).orElse(null))
          .bind(5, p.concurrency().isPresent() ? p.concurrency().getAsInt() : null)
          .bind(6, p.rpm().isPresent() ? p.rpm().getAsInt() : null)
          .bind(7, p.tpm().isPresent() ? p.tpm().getAsInt() : null)
          .bind(8, JsonColumns.write(p.headers()))
          .bind(9, p.allowInsecureHttp())
          .execute();
    }
  }

  private static void insertModels(Handle h, String runId, List<StoredModel> models) {
    for (int i = 0; i < models.size(); i++) {
      StoredModel stored = models.get(i);
      ModelSpec m = stored.spec();
      h.createUpdate(
              """
              INSERT INTO run_models (run_id, ord, model_id, provider, provider_type, model,
                temperature, max_tokens, system, web_search, base_url, api_key_env,
                allow_insecure_http, concurrency, rpm, tpm, sim_seed, sim_rates, price_input,
                price_output, price_search)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .bind(0, runId)
          .bind(1, i)
          .bind(2, m.id())
          .bind(3, m.provider())
          .bind(4, stored.endpoint().type().id())
          .bind(5, m.model())
          .bind(6, m.temperature().isPresent() ? m.temperature().getAsDouble() : null)
          .bind(7, m.maxTokens().isPresent() ? m.maxTokens().getAsInt() : null)
          .bind(8, m.system().orElse(null))
          .bind(9, m.webSearch())
          .bind(10, m.baseUrl().map(Object::toString).orElse(null))
          .bind(11, m.apiKeyEnv().orElse(null))
          .bind(12, m.allowInsecureHttp())
          .bind(13, m.concurrency().isPresent() ? m.concurrency().getAsInt() : null)
          .bind(14, m.rpm().isPresent() ? m.rpm().getAsInt() : null)
          .bind(15, m.tpm().isPresent() ? m.tpm().getAsInt() : null)
          .bind(16, m.sim().map(s -> s.seed()).orElse(null))
          .bind(17, m.sim().map(s -> JsonColumns.write(s.mentionRate())).orElse(null))
          .bind(18, stored.price().map(p -> p.input().toPlainString()).orElse(null))
          .bind(19, stored.price().map(p -> p.output().toPlainString()).orElse(null))
          .bind(
              20,
              stored
                  .price()
                  .flatMap(Price::searchPer1k)
                  .map(BigDecimal::toPlainString)
                  .orElse(null))
          .execute();
    }
  }

  static int delete(Handle h, List<String> runIds) {
    int deleted = 0;
    for (String id : runIds) {
      deleted += h.createUpdate("DELETE FROM runs WHERE id = ?").bind(0, id).execute();
    }
    h.execute(
        "DELETE FROM answers WHERE id NOT IN (SELECT answer_id FROM tasks WHERE answer_id IS NOT NULL)");
    return deleted;
  }
}
