package dev.vis.cli;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One provider's model as the acceptance suite runs it: the spec's model and provider entries, and
 * what its fake server says, shaped like that provider's real responses.
 *
 * <p>The success reply names {@code Acme CRM}, reports token usage and (where the provider has
 * them) carries citations of {@code https://acme.com/...} and other domains.
 *
 * @param name the wire's name in test reports
 * @param model the spec's model entry
 * @param env the environment the run needs (the API key variable)
 * @param success a successful answer with citations, as {@code expected} describes it
 * @param expected what the stored answer of {@code success} must hold
 * @param errors the provider's own error replies
 */
record AcceptanceWire(
    String name,
    Model model,
    Map<String, String> env,
    Reply success,
    Expected expected,
    Errors errors) {

  /** A 200 whose body is not valid JSON. */
  static final Reply MALFORMED =
      Reply.json(200, "{\"id\": \"resp_1\", \"content\": [ this is not json");

  /**
   * The spec's model entry and where its provider's server listens.
   *
   * @param id the model id in the spec
   * @param provider the provider type ({@code openai})
   * @param name the provider's model name, priced by the built-in table
   * @param basePath the {@code base_url} path on the fake server ({@code /v1})
   * @param onlyPath the one path the fake server answers (others are 404), when it checks
   */
  record Model(
      String id,
      String provider,
      String name,
      int maxTokens,
      boolean webSearch,
      String basePath,
      Optional<String> onlyPath) {}

  /**
   * The stored facts of a successful answer.
   *
   * @param inputTokens input tokens the reply reports
   * @param outputTokens output tokens the reply reports, reasoning included
   * @param searches web searches the provider bills for the reply
   * @param grounded whether a web search ran
   * @param cited URLs that must be stored as {@code cited}
   * @param retrieved URLs that must be stored as {@code retrieved}
   * @param servedModel the model name the reply says answered, stored as {@code served_model}
   */
  record Expected(
      long inputTokens,
      long outputTokens,
      int searches,
      boolean grounded,
      List<String> cited,
      List<String> retrieved,
      String servedModel) {

    /** What one such answer costs at {@code price}: usage times the price, search fee included. */
    BigDecimal cost(Price price) {
      return price
          .input()
          .multiply(BigDecimal.valueOf(inputTokens))
          .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
          .movePointLeft(6)
          .add(
              price
                  .searchPer1k()
                  .orElse(BigDecimal.ZERO)
                  .multiply(BigDecimal.valueOf(searches))
                  .movePointLeft(3));
    }
  }

  /**
   * A provider's error replies.
   *
   * @param rateLimited a rate-limit error telling the client to wait the given delay
   * @param quotaExhausted the error for a spent quota or credit: final, never retried
   * @param serverError a server-side error the provider documents as transient
   * @param authError the error for a wrong API key
   */
  record Errors(
      Function<Duration, Reply> rateLimited,
      Reply quotaExhausted,
      Reply serverError,
      Reply authError) {}

  /** A fake server answering every request with {@link #success()} until told otherwise. */
  FakeHttpServer start() {
    FakeHttpServer server = FakeHttpServer.start(request -> success);
    model
        .onlyPath()
        .ifPresent(
            path ->
                server.gate(
                    request ->
                        request.path().equals(path)
                            ? Optional.empty()
                            : Optional.of(Reply.json(404, "{\"error\": \"no such path\"}"))));
    return server;
  }

  /**
   * The spec's {@code models:} and {@code providers:} sections for this model on {@code server}.
   */
  String modelsYaml(FakeHttpServer server) {
    return "models:\n"
        + modelEntry(model.provider())
        + "providers:\n"
        + providerEntry(model.provider(), server);
  }

  /** The model's entry under {@code models:}, using the provider named {@code providerName}. */
  String modelEntry(String providerName) {
    return "  - id: "
        + model.id()
        + "\n    provider: "
        + providerName
        + "\n    model: "
        + model.name()
        + "\n    max_tokens: "
        + model.maxTokens()
        + (model.webSearch() ? "\n    web_search: true\n" : "\n");
  }

  /** The entry under {@code providers:} that points {@code providerName} at {@code server}. */
  String providerEntry(String providerName, FakeHttpServer server) {
    String type =
        providerName.equals(model.provider()) ? "" : "    type: " + model.provider() + "\n";
    return "  "
        + providerName
        + ":\n"
        + type
        + "    base_url: "
        + server.url(model.basePath())
        + "\n";
  }

  @Override
  public String toString() {
    return name;
  }
}
