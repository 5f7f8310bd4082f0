package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gemini API wire format ({@code POST {base_url}/models/{model}:generateContent}), with Google
 * Search grounding when the model may search the web.
 *
 * <p>The key travels in the {@code x-goog-api-key} header, never in the URL. Thought parts are not
 * answer text; grounding chunks a support points at are cited, the others only retrieved, and each
 * keeps its {@code title} (the source's domain: the URI is a Google redirect). One call is one HTTP
 * request; errors are classified by {@link GeminiErrors}. Immutable and thread-safe.
 */
final class GeminiProvider implements Provider {
  private static final Pattern MAJOR_VERSION = Pattern.compile("^gemini-(\\d{1,3})\\b");

  /**
   * Finish reasons of a candidate a filter blocked: kept as {@code ok} answers; any other reason
   * ({@code STOP}, {@code OTHER}, none) without text means the body holds no answer.
   */
  private static final StopReasons STOPS =
      new StopReasons(
          "candidates[0]",
          "MAX_TOKENS",
          Set.of(
              "SAFETY",
              "RECITATION",
              "LANGUAGE",
              "BLOCKLIST",
              "PROHIBITED_CONTENT",
              "SPII",
              "IMAGE_SAFETY",
              "IMAGE_PROHIBITED_CONTENT",
              "IMAGE_RECITATION"));

  private final String base;
  private final JsonPost http;

  /**
   * @param connection the base URL up to {@code /v1beta}; the key is sent in {@code x-goog-api-key}
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  GeminiProvider(Connection connection) {
    this.base = connection.resolve("").toString();
    this.http =
        new JsonPost(
            connection, connection.keyHeader("x-goog-api-key", ""), new GeminiErrors(connection));
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    JsonReply reply = http.send(endpoint(request.model()), body(request), request.timeout());
    JsonNode root = reply.tree();
    JsonNode candidates = root.path("candidates");
    Optional<String> blockReason = JsonFields.text(root.path("promptFeedback").path("blockReason"));
    if (!candidates.isArray() || candidates.isEmpty()) {
      if (blockReason.isPresent()) {
        return answer(reply, root, "", blockReason, List.of(), false, 0);
      }
      throw reply.malformed("no candidates in the body");
    }
    JsonNode candidate = candidates.get(0);
    Optional<String> finishReason = JsonFields.text(candidate.path("finishReason"));
    String text = answerText(candidate.path("content").path("parts"));
    STOPS.require(reply, text, finishReason, request.maxTokens());
    JsonNode grounding = candidate.path("groundingMetadata");
    JsonNode queries = grounding.path("webSearchQueries");
    List<ProviderCitation> citations = citations(grounding);
    boolean grounded = (queries.isArray() && !queries.isEmpty()) || !citations.isEmpty();
    int searches = grounded ? searches(request.model(), queries) : 0;
    return answer(reply, root, text, finishReason, citations, grounded, searches);
  }

  /** {@code {base}/models/{model}:generateContent}; a {@code models/} prefix is tolerated. */
  URI endpoint(String model) {
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(base + "/models/" + segment + ":generateContent");
  }

  static String body(ProviderRequest request) {
    ObjectNode body = ProviderJson.trees().createObjectNode();
    ObjectNode user = body.putArray("contents").addObject().put("role", "user");
    user.putArray("parts").addObject().put("text", request.prompt());
    request
        .system()
        .ifPresent(
            s -> body.putObject("systemInstruction").putArray("parts").addObject().put("text", s));
    if (request.temperature().isPresent() || request.maxTokens().isPresent()) {
      ObjectNode config = body.putObject("generationConfig");
      request.temperature().ifPresent(t -> config.put("temperature", t));
      request.maxTokens().ifPresent(m -> config.put("maxOutputTokens", m));
    }
    if (request.webSearch()) {
      body.putArray("tools").addObject().putObject("google_search");
    }
    return ProviderJson.object(body);
  }

  private static ProviderAnswer answer(
      JsonReply reply,
      JsonNode root,
      String text,
      Optional<String> finishReason,
      List<ProviderCitation> citations,
      boolean grounded,
      int searches) {
    JsonNode usage = root.path("usageMetadata");
    // Google leaves zero counts out of the JSON, so within usageMetadata a missing count is 0.
    OptionalLong input = OptionalLong.empty();
    OptionalLong output = OptionalLong.empty();
    if (usage.isObject()) {
      input =
          OptionalLong.of(
              count(usage, "promptTokenCount") + count(usage, "toolUsePromptTokenCount"));
      output =
          OptionalLong.of(
              count(usage, "candidatesTokenCount") + count(usage, "thoughtsTokenCount"));
    }
    return new ProviderAnswer(
        text,
        reply.raw(),
        reply.status(),
        input,
        output,
        finishReason,
        JsonFields.text(root.path("responseId")),
        JsonFields.text(root.path("modelVersion")),
        citations,
        grounded,
        searches,
        RateLimits.none());
  }

  /** The answer text: every text part that is not a thought, in order. */
  private static String answerText(JsonNode parts) {
    StringBuilder out = new StringBuilder();
    for (JsonNode part : parts) {
      if (!part.path("thought").asBoolean(false) && part.path("text").isTextual()) {
        out.append(part.path("text").asText());
      }
    }
    return out.toString().strip();
  }

  /** Web chunks in order; those a grounding support points at are cited. */
  private static List<ProviderCitation> citations(JsonNode grounding) {
    Set<Integer> supported = new HashSet<>();
    for (JsonNode support : grounding.path("groundingSupports")) {
      support.path("groundingChunkIndices").forEach(i -> supported.add(i.asInt(-1)));
    }
    List<ProviderCitation> citations = new ArrayList<>();
    JsonNode chunks = grounding.path("groundingChunks");
    for (int i = 0; i < chunks.size(); i++) {
      JsonNode web = chunks.get(i).path("web");
      Optional<String> uri = JsonFields.text(web.path("uri"));
      if (uri.isPresent()) {
        citations.add(
            new ProviderCitation(
                uri.get(), JsonFields.text(web.path("title")), supported.contains(i)));
      }
    }
    return citations;
  }

  /**
   * Billed searches of a grounded answer: Gemini 2.x bills per grounded prompt, Gemini 3 and later
   * per search query the model ran.
   */
  static int searches(String model, JsonNode queries) {
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    Matcher m = MAJOR_VERSION.matcher(name);
    boolean perQuery = m.find() && Integer.parseInt(m.group(1)) >= 3;
    return perQuery && queries.isArray() ? Math.max(1, queries.size()) : 1;
  }

  private static long count(JsonNode usage, String field) {
    JsonNode node = usage.path(field);
    return node.isIntegralNumber() ? Math.max(0, node.asLong()) : 0;
  }
}
