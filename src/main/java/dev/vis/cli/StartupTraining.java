package dev.vis.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vis.ExitCode;
import dev.vis.engine.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run the {@code ./vis} launcher records a JDK start-up cache from (an AOT cache on
 * JDK 25, AppCDS before): the commands users run most, in one JVM, on a tiny spec, once against the
 * {@code sim} provider and once over real HTTP against a local OpenAI-compatible stub, so the
 * classes those paths load are in the cache. Usage: {@code java -cp vis.jar
 * dev.vis.cli.StartupTraining WORK_DIR}; exits non-zero when a command failed.
 */
public final class StartupTraining {
  private static final String ANSWER =
      """
      {"id": "chatcmpl-training", "object": "chat.completion", "created": 1, "model": "training-1",
       "choices": [{"index": 0, "message": {"role": "assistant", "content": "The CRMs teams pick \
      most:\\n\\n1. **Acme CRM**: simple pipelines; see [acme.example](https://acme.example/a).\\n\
      2. **Globex**: strong reporting.\\n\\nInitech is cheaper: https://initech.example/"}, \
      "finish_reason": "stop"}],
       "usage": {"prompt_tokens": 12, "completion_tokens": 40, "total_tokens": 52}}
      """;

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    List<String> failed = train(Path.of(args[0]));
    if (!failed.isEmpty()) {
      System.err.println("vis: the start-up training failed at: " + String.join("; ", failed));
      System.exit(ExitCode.FAILED);
    }
  }

  /** Runs the training commands in {@code dir}; returns those that did not exit 0. */
  static List<String> train(Path dir) throws IOException {
    Files.createDirectories(dir);
    HttpServer stub =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext("/v1/chat/completions", StartupTraining::answer);
    stub.start();
    try {
      Path sim = write(dir.resolve("sim.yaml"), spec("training-sim", "{id: s, provider: sim}", ""));
      Path http =
          write(
              dir.resolve("http.yaml"),
              spec(
                  "training-http",
                  "{id: h, provider: stub, model: training-1}",
                  "providers:\n  stub: {type: openai-compatible, base_url: \"http://127.0.0.1:"
                      + stub.getAddress().getPort()
                      + "/v1\"}\n"));
      String db = dir.resolve("training.db").toString();
      List<String> failed = new ArrayList<>();
      for (List<String> command :
          List.of(
              List.of("--version"),
              List.of("validate", sim.toString()),
              List.of("run", sim.toString(), "--progress", "none", "--db", db),
              List.of("run", http.toString(), "--progress", "none", "--db", db),
              List.of("report", "--db", db),
              List.of("report", "--db", db, "--format", "json"),
              List.of("runs", "--db", db),
              List.of("replay", "latest", "--db", db),
              List.of("export", "--db", db, "--table", "mentions", "--format", "csv"))) {
        StringWriter err = new StringWriter();
        if (run(command, err) != ExitCode.OK) {
          failed.add(String.join(" ", command) + " (" + err.toString().strip() + ")");
        }
      }
      return failed;
    } finally {
      stub.stop(0);
    }
  }

  private static int run(List<String> args, StringWriter err) {
    CliContext context =
        new CliContext(Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, () -> 0.5, false);
    return Main.run(
        args.toArray(String[]::new),
        new PrintWriter(Writer.nullWriter()),
        new PrintWriter(err),
        context);
  }

  private static String spec(String name, String model, String providers) {
    return """
        version: 1
        name: %s
        brands:
          - {name: Acme CRM, aliases: [Acme], domains: [acme.example]}
          - {name: Globex}
          - {name: Initech, domains: [initech.example]}
        prompts:
          - {id: best, text: "Which CRM is best for a small team?"}
          - {id: alt, text: "What are good alternatives to Salesforce?"}
        models: [%s]
        %ssamples: 2
        concurrency: 4
        """
        .formatted(name, model, providers);
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
