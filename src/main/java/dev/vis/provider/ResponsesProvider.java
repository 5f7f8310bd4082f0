package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
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
  private final JsonPost http;

  /**
   * @param connection the base URL up to {@code /v1}; the key, when set, is sent as a bearer token
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  ResponsesProvider(Connection connection, Dialect dialect) {
    this.responses = connection.resolve("/responses");
    this.dialect = dialect;
    this.http = JsonPost.bearer(connection, new OpenAiErrors(connection));
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    JsonReply reply = http.send(responses, body(request, dialect), request.timeout());
    JsonNode root = reply.tree();
    if (!root.path("output").isArray()) {
      throw reply.malformed("no output in the body");
    }
    ResponsesOutput output = ResponsesOutput.read(root);
    if (output.status().filter("failed"::equals).isPresent()) {
      throw reply.malformed("a failed response");
    }
    String text = output.text().strip().isEmpty() ? output.refusal() : output.text();
    STOPS.require(reply, text, output.incompleteReason(), request.maxTokens());
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
        reply.raw(),
        reply.status(),
        output.inputTokens(),
        output.outputTokens(),
        finishReason,
        reply.header("x-request-id").or(() -> JsonFields.text(root.path("id"))),
        JsonFields.text(root.path("model")),
        output.citations(),
        output.searches() > 0,
        output.searches(),
        OpenAiRateLimits.from(reply.headers()));
  }

  static String body(ProviderRequest request, Dialect dialect) {
    ObjectNode body = ProviderJson.trees().createObjectNode();
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
    return ProviderJson.object(body);
  }
}
