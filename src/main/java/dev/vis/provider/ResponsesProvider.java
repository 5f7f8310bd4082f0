package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Responses API wire format ({@code POST {base_url}/responses}), spoken by OpenAI and xAI, with
 * the hosted {@code web_search} tool when the model may search: the answer's {@code url_citation}
 * annotations are its cited sources and the pages its searches read are the retrieved ones (see
 * {@link ResponsesOutput}).
 *
 * <p>One call is one HTTP request; errors are classified by {@link OpenAiErrors}, since both
 * providers send OpenAI-shaped error bodies. Immutable and thread-safe.
 */
final class ResponsesProvider implements Provider {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** An incomplete response says why in {@code incomplete_details.reason}. */
  private static final StopReasons STOPS =
      new StopReasons("the output", "max_output_tokens", Set.of("content_filter"));

  /** Where the two servers differ in what they accept. */
  enum Dialect {
    /**
     * OpenAI: the system prompt as {@code instructions}; {@code include} asks for the sources each
     * search read, which OpenAI leaves out by default.
     */
    OPENAI,
    /**
     * xAI: the system prompt as a {@code system} input message (xAI's documented form); no {@code
     * include}, since xAI lists the sources it read in its top-level {@code citations}.
     */
    XAI
  }

  private final URI responses;
  private final Dialect dialect;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final OpenAiErrors errors;

  /**
   * @param providerName names the provider in error messages
   * @param baseUrl the endpoint up to {@code /v1}
   * @param apiKey sent as a bearer token when present
   * @param headers extra headers, values already expanded (never logged)
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  ResponsesProvider(
      String providerName,
      URI baseUrl,
      Dialect dialect,
      Optional<String> apiKey,
      Map<String, String> headers,
      HttpClient client,
      Clock clock) {
    this.responses = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/responses");
    this.dialect = dialect;
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.client = client;
    List<String> secrets = new ArrayList<>(this.headers.values());
    apiKey.ifPresent(secrets::add);
    this.errors = new OpenAiErrors(providerName, new Redactor(secrets), clock);
    HttpCall.checkHeaders(providerName, responses, this.headers);
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(responses)
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis");
    apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    headers.forEach(builder::setHeader);
    String body = body(request, dialect);
    HttpRequest http =
        builder.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return answer(request, HttpCall.send(client, http, request.timeout(), errors));
  }

  static String body(ProviderRequest request, Dialect dialect) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", request.model());
    if (request.system().isPresent() && dialect == Dialect.XAI) {
      ArrayNode input = body.putArray("input");
      input.addObject().put("role", "system").put("content", request.system().get());
      input.addObject().put("role", "user").put("content", request.prompt());
    } else {
      body.put("input", request.prompt());
      request.system().ifPresent(system -> body.put("instructions", system));
    }
    if (request.maxTokens().isPresent()) {
      body.put("max_output_tokens", request.maxTokens().getAsInt());
    }
    boolean reasoning = OpenAiChatProvider.isReasoningModel(request.model());
    if (request.temperature().isPresent() && !reasoning) {
      body.put("temperature", request.temperature().getAsDouble());
    }
    if (request.webSearch()) {
      body.putArray("tools").addObject().put("type", "web_search");
      if (dialect == Dialect.OPENAI) {
        body.putArray("include").add("web_search_call.action.sources");
      }
    }
    // vis keeps the raw body itself; the provider need not keep a copy of every answer.
    body.put("store", false);
    return body.toString();
  }

  private ProviderAnswer answer(ProviderRequest request, HttpResponse<String> response)
      throws ProviderException {
    int status = response.statusCode();
    String raw = response.body() == null ? "" : response.body();
    if (status < 200 || status >= 300) {
      throw errors.forStatus(status, response.headers(), raw);
    }
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JacksonException e) {
      throw errors.malformed(status, response.headers(), raw, "a body that is not valid JSON");
    }
    if (root == null || !root.path("output").isArray()) {
      throw errors.malformed(status, response.headers(), raw, "no output in the body");
    }
    ResponsesOutput output = ResponsesOutput.read(root);
    if (output.status().filter("failed"::equals).isPresent()) {
      throw errors.malformed(status, response.headers(), raw, "a failed response");
    }
    String text = output.text().strip().isEmpty() ? output.refusal() : output.text();
    errors.requireAnswer(
        status,
        response.headers(),
        raw,
        text,
        output.incompleteReason(),
        STOPS,
        request.maxTokens());
    Optional<String> finishReason =
        output
            .incompleteReason()
            .or(
                () ->
                    output.text().strip().isEmpty() && !output.refusal().isEmpty()
                        ? Optional.of("refusal")
                        : output.status());
    return new ProviderAnswer(
        text,
        raw,
        status,
        output.inputTokens(),
        output.outputTokens(),
        finishReason,
        response
            .headers()
            .firstValue("x-request-id")
            .filter(id -> !id.isBlank())
            .or(() -> Optional.of(root.path("id").asText("")).filter(id -> !id.isEmpty())),
        output.citations(),
        output.searches() > 0,
        output.searches(),
        OpenAiRateLimits.from(response.headers()));
  }
}
