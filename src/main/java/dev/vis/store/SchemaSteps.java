package dev.vis.store;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * vis's schema as forward-only steps in SQLite's dialect, one per version, which {@link Migrations}
 * applies to SQLite files and {@link PostgresSchema} translates for PostgreSQL.
 */
final class SchemaSteps {
  /**
   * The tables every vis schema has (those of the first step): how an unmarked vis file is known.
   */
  static final Set<String> TABLES =
      Set.of(
          "runs",
          "run_brands",
          "run_prompts",
          "run_providers",
          "run_models",
          "answers",
          "answer_sources",
          "tasks",
          "attempts",
          "mentions",
          "citations");

  /** Each entry moves the schema from version i to i + 1; never edit one that has shipped. */
  private static final List<String> STEPS =
      List.of(
          """
          CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            spec_path TEXT NOT NULL,
            spec_text TEXT NOT NULL,
            spec_sha256 TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            finished_at TEXT,
            source_run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,
            samples INTEGER NOT NULL,
            spec_samples INTEGER NOT NULL,
            concurrency INTEGER NOT NULL,
            timeout_ms INTEGER NOT NULL,
            retry_max_attempts INTEGER NOT NULL,
            retry_initial_ms INTEGER NOT NULL,
            retry_max_ms INTEGER NOT NULL,
            max_usd TEXT,
            owner_host TEXT,
            owner_pid INTEGER,
            heartbeat_at TEXT,
            vis_version TEXT NOT NULL
          );
          CREATE INDEX runs_by_name ON runs(name, created_at);
          CREATE TABLE run_brands (
            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            domains TEXT NOT NULL,
            exclude TEXT NOT NULL,
            is_primary INTEGER NOT NULL,
            case_sensitive INTEGER NOT NULL,
            PRIMARY KEY (run_id, ord)
          );
          CREATE TABLE run_prompts (
            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            prompt_id TEXT NOT NULL,
            text TEXT NOT NULL,
            tags TEXT NOT NULL,
            PRIMARY KEY (run_id, prompt_id)
          );
          CREATE TABLE run_providers (
            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            api_key_env TEXT,
            base_url TEXT,
            concurrency INTEGER,
            rpm INTEGER,
            tpm INTEGER,
            headers TEXT NOT NULL,
            allow_insecure_http INTEGER NOT NULL,
            PRIMARY KEY (run_id, name)
          );
          CREATE TABLE run_models (
            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            model_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            provider_type TEXT NOT NULL,
            model TEXT NOT NULL,
            temperature REAL,
            max_tokens INTEGER,
            system TEXT,
            web_search INTEGER NOT NULL,
            base_url TEXT,
            api_key_env TEXT,
            allow_insecure_http INTEGER NOT NULL,
            concurrency INTEGER,
            rpm INTEGER,
            tpm INTEGER,
            sim_seed INTEGER,
            sim_rates TEXT,
            price_input TEXT,
            price_output TEXT,
            PRIMARY KEY (run_id, model_id)
          );
          CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            raw_body TEXT,
            http_status INTEGER,
            finish_reason TEXT,
            request_id TEXT,
            input_tokens INTEGER,
            output_tokens INTEGER,
            cost_usd REAL,
            price_input TEXT,
            price_output TEXT,
            latency_ms INTEGER NOT NULL,
            grounded INTEGER NOT NULL,
            created_at TEXT NOT NULL
          );
          CREATE TABLE answer_sources (
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            url TEXT NOT NULL,
            title TEXT,
            kind TEXT NOT NULL,
            PRIMARY KEY (answer_id, ord)
          );
          CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            prompt_id TEXT NOT NULL,
            model_id TEXT NOT NULL,
            sample INTEGER NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            answer_id INTEGER REFERENCES answers(id),
            updated_at TEXT NOT NULL,
            UNIQUE (run_id, prompt_id, model_id, sample)
          );
          CREATE INDEX tasks_by_run ON tasks(run_id, seq);
          CREATE INDEX tasks_by_answer ON tasks(answer_id);
          CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            attempt INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            latency_ms INTEGER NOT NULL,
            http_status INTEGER,
            outcome TEXT NOT NULL,
            error TEXT,
            raw_body TEXT
          );
          CREATE INDEX attempts_by_task ON attempts(task_id);
          CREATE TABLE mentions (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            brand TEXT NOT NULL,
            count INTEGER NOT NULL,
            position INTEGER NOT NULL,
            list_rank INTEGER,
            first_offset INTEGER NOT NULL,
            PRIMARY KEY (task_id, brand)
          );
          CREATE TABLE citations (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            url TEXT NOT NULL,
            domain TEXT NOT NULL,
            brand TEXT,
            kind TEXT NOT NULL,
            PRIMARY KEY (task_id, ord)
          );
          """,
          """
          ALTER TABLE answers ADD COLUMN searches INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE answers ADD COLUMN price_search TEXT;
          ALTER TABLE run_models ADD COLUMN price_search TEXT;
          """,
          // matching rules v2: the list holding a brand's first mention, how it matched, and
          // brands that keep accents; mentions analysed before stay NULL until replayed
          """
          ALTER TABLE mentions ADD COLUMN list INTEGER;
          ALTER TABLE mentions ADD COLUMN rule TEXT;
          ALTER TABLE run_brands ADD COLUMN accent_sensitive INTEGER NOT NULL DEFAULT 0;
          """,
          // the model the provider says answered; answers stored before stay NULL (unknown)
          """
          ALTER TABLE answers ADD COLUMN served_model TEXT;
          """,
          // what a finished run's report reads instead of its answers (RunResults): used only while
          // the run has as many answers as they cover and their version is this vis's
          """
          CREATE TABLE run_results (
            run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
            answers INTEGER NOT NULL,
            version INTEGER NOT NULL,
            counts TEXT NOT NULL,
            served_models TEXT NOT NULL,
            untracked TEXT,
            created_at TEXT NOT NULL
          );
          """);

  /** How many steps there are: the version the last one reaches. */
  static int count() {
    return STEPS.size();
  }

  /** The step that moves the schema from {@code version} to the next, in SQLite's dialect. */
  static String step(int version) {
    return STEPS.get(version);
  }

  /** A step's statements, one by one. */
  static List<String> statements(String step) {
    return Arrays.stream(step.split(";\\s*\\n")).filter(s -> !s.isBlank()).toList();
  }

  private SchemaSteps() {}
}
