package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Received;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduced secret leaks (SPEC §2 "Secrets"), end to end: a value read from the environment
 * for a key, a header or a URL appears in no byte vis prints or stores.
 */
class SecretLeaksTest {
  static final String ROUTER_KEY = "rk-live-3b9f0c2e7a5d41";
  static final String LOCAL_KEY = "sk-local-8c1d4e6f2a9b73";
  static final String URL_KEY = "uk-path-5e2a7c9d0f4b16";

  @TempDir Path dir;
  CommandHarness vis;
  FakeHttpServer server;
  Path spec;
  Path log;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
    spec = dir.resolve("secrets.yaml");
    log = dir.resolve("attempts.jsonl");
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  private void serve(Function<Received, Reply> replier) {
    server = FakeHttpServer.start(replier);
  }

  private void writeSpec(String models, String providers) throws Exception {
    Files.writeString(
        spec,
        """
        version: 1
        name: secrets
        brands:
          - name: Acme CRM
            primary: true
        prompts:
          - id: best
            text: Which CRM is best?
          - id: cheap
            text: Which CRM is cheapest?
        models:
        %s
        providers:
        %s
        samples: 1
        concurrency: 1
        retry: {max_attempts: 2, initial_delay: 1s, max_delay: 5s}
        """
            .formatted(models.indent(2).stripTrailing(), providers.indent(2).stripTrailing()));
  }

  /** A spec whose one model calls the fake server as provider {@code local}, with {@code more}. */
  private void writeLocalSpec(String more) throws Exception {
    writeSpec(
        "- {id: local, provider: local, model: llama3.1}",
        "local: {type: openai-compatible, base_url: %s%s}".formatted(server.url("/v1"), more));
  }

  private static String bearerToken(Received request) {
    return request.header("authorization").orElse("").replaceFirst("^Bearer ", "");
  }

  private static Reply answer(String text) {
    return Reply.json(200, FakeOpenAiServer.completionBody("llama3.1", text, "stop", 12, 9));
  }

  private String query(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs = c.createStatement().executeQuery(sql);
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return String.join("\n", values);
    }
  }

  private CommandHarness.Result runLogged() {
    return vis.run("run", spec.toString(), "--progress", "none", "--log-json", log.toString());
  }

  private void assertInNoOutputOfTheRun(CommandHarness.Result run, String runId, String secret) {
    new SecretScan(vis)
        .printed("run", run)
        .file(log)
        .everythingAbout(runId)
        .assertHoldsNone(secret);
  }

  @Test
  void a_header_key_echoed_in_a_401_body_reaches_no_output_log_database_export_or_report()
      throws Exception {
    // regression: the provider blanked the header value "Bearer KEY", not the bare KEY echoed back
    serve(
        request ->
            Reply.json(
                401,
                FakeOpenAiServer.error(
                    "Invalid bearer token " + bearerToken(request) + " for this router",
                    "invalid_request_error",
                    "invalid_api_key")));
    vis.env.put("ROUTER_KEY", ROUTER_KEY);
    writeSpec(
        "- {id: routed, provider: router, model: llama3.1}",
        "router:\n  type: openai-compatible\n  base_url: %s\n  headers: {Authorization: \"Bearer ${ROUTER_KEY}\"}"
            .formatted(server.url("/v1")));

    CommandHarness.Result run = runLogged().assertExit(1);

    assertThat(server.lastRequest().header("authorization")).hasValue("Bearer " + ROUTER_KEY);
    assertThat(run.err()).contains("Invalid bearer token *** for this router");
    assertThat(Files.readString(log)).contains("Invalid bearer token ***");
    assertInNoOutputOfTheRun(run, query("SELECT id FROM runs"), ROUTER_KEY);
  }

  @Test
  void a_key_echoed_in_a_200_answer_is_neither_stored_nor_exported() throws Exception {
    // regression: answers and their raw bodies were stored exactly as received, key included
    serve(request -> answer("Acme CRM is best. You asked with the key " + bearerToken(request)));
    vis.env.put("LOCAL_KEY", LOCAL_KEY);
    writeLocalSpec(", api_key_env: LOCAL_KEY");

    CommandHarness.Result run = runLogged().assertExit(0);

    assertThat(server.lastRequest().header("authorization")).hasValue("Bearer " + LOCAL_KEY);
    assertThat(query("SELECT text FROM answers"))
        .contains("Acme CRM is best. You asked with the key ***");
    assertThat(query("SELECT count(*) FROM mentions")).isEqualTo("2");
    assertInNoOutputOfTheRun(run, run.runId(), LOCAL_KEY);
  }

  @Test
  void a_key_in_base_url_is_stored_as_written_and_resume_and_replay_still_work() throws Exception {
    // regression: base_url was expanded when the spec was loaded, then stored and copied by replay
    String keyed = "/" + URL_KEY + "/v1/chat/completions";
    serve(
        request ->
            request.path().equals(keyed)
                ? answer("Acme CRM is best.")
                : Reply.json(404, FakeOpenAiServer.error("no such path", "not_found", null)));
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));
    vis.env.put("URL_KEY", URL_KEY);
    String base = server.url("/${URL_KEY}/v1");
    writeSpec(
        "- {id: by-provider, provider: keyed, model: llama3.1}\n"
            + "- {id: by-model, provider: openai-compatible, base_url: \"%s\", model: llama3.1}"
                .formatted(base),
        "keyed: {type: openai-compatible, base_url: \"%s\"}".formatted(base));

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "50");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(query("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo("1");
    assertThat(query("SELECT base_url FROM run_providers")).isEqualTo(base);
    assertThat(query("SELECT base_url FROM run_models WHERE model_id = 'by-model'"))
        .isEqualTo(base);

    CommandHarness.Result resume =
        vis.run("run", spec.toString(), "--resume", run.runId(), "--progress", "none");
    assertThat(resume.exitCode()).as(resume.toString()).isZero();
    assertThat(query("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo("4");
    assertThat(server.requests()).hasSize(5).allMatch(r -> r.path().equals(keyed));

    CommandHarness.Result replay = vis.run("replay", run.runId());
    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(query("SELECT DISTINCT base_url FROM run_providers")).isEqualTo(base);
    assertThat(query("SELECT DISTINCT base_url FROM run_models WHERE base_url IS NOT NULL"))
        .isEqualTo(base);
    String replayId = query("SELECT id FROM runs WHERE source_run_id IS NOT NULL");
    new SecretScan(vis)
        .printed("run", run)
        .printed("resume", resume)
        .printed("replay", replay)
        .everythingAbout(run.runId())
        .everythingAbout(replayId)
        .assertHoldsNone(URL_KEY);
  }

  @Test
  void a_key_holding_a_line_break_is_refused_before_any_call_naming_the_variable()
      throws Exception {
    // regression: the key was sent, failed every task and was printed whole
    serve(request -> answer("Acme CRM is best."));
    writeLocalSpec(", api_key_env: LOCAL_KEY");
    String first = "sk-first-line-6d2b9e";
    String second = "sk-second-line-0c4f7a";
    vis.env.put("LOCAL_KEY", first + "\n" + second);
    SecretScan scan = new SecretScan(vis);

    for (String mode : List.of("--dry-run", "--verbose")) {
      CommandHarness.Result run = vis.run("run", spec.toString(), mode);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err())
          .contains("environment variable LOCAL_KEY", "line break or another control character");
      scan.printed("run " + mode, run);
    }
    assertThat(server.requestCount()).isZero();
    assertThat(dir.resolve("vis.db")).doesNotExist();

    vis.env.put("LOCAL_KEY", LOCAL_KEY);
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));
    String runId = vis.run("run", spec.toString(), "--quiet", "--max-failure-rate", "50").runId();
    int calls = server.requestCount();
    vis.env.put("LOCAL_KEY", first + "\r" + second);
    CommandHarness.Result resume = vis.run("run", spec.toString(), "--resume", runId);

    assertThat(resume.exitCode()).as(resume.toString()).isEqualTo(2);
    assertThat(resume.err()).contains("environment variable LOCAL_KEY");
    assertThat(server.requestCount()).isEqualTo(calls);
    scan.printed("resume", resume).everythingAbout(runId).assertHoldsNone(first, second);
  }

  @Test
  void a_log_json_file_is_created_readable_by_its_owner_only() throws Exception {
    serve(request -> answer("Acme CRM is best."));
    writeLocalSpec("");

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--quiet", "--log-json", log.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(log)).hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
  }
}
