package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private static final ObjectMapper JSON = JsonMapper.builder().build();
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
  private final String apiKey;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final GeminiErrors errors;

  /**
   * @param providerName names the provider in error messages
   * @param baseUrl the endpoint up to {@code /v1beta}
   * @param apiKey sent in {@code x-goog-api-key}
   * @param headers extra headers, values already expanded (never logged)
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  GeminiProvider(
      String providerName,
      URI baseUrl,
      String apiKey,
      Map<String, String> headers,
      HttpClient client,
      Clock clock) {
    this.base = baseUrl.toString().replaceAll("/+$", "");
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.client = client;
    List<String> secrets = new ArrayList<>(this.headers.values());
    secrets.add(apiKey);
    this.errors = new GeminiErrors(providerName, new Redactor(secrets), clock);
    HttpCall.checkHeaders(providerName, URI.create(base), this.headers);
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    HttpResponse<String> response =
        HttpCall.send(client, httpRequest(request), request.timeout(), errors);
    return answer(request, response);
  }

  /** {@code {base}/models/{model}:generateContent}; a {@code models/} prefix is tolerated. */
  URI endpoint(String model) {
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(base + "/models/" + segment + ":generateContent");
  }

  private HttpRequest httpRequest(ProviderRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint(request.model()))
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis")
            .header("x-goog-api-key", apiKey);
    headers.forEach(builder::setHeader);
    return builder
        .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8))
        .build();
  }

  static String body(ProviderRequest request) {
    ObjectNode body = JSON.createObjectNode();
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
    if (root == null || !root.isObject()) {
      throw errors.malformed(status, response.headers(), raw, "a body that is not a JSON object");
    }
    JsonNode candidates = root.path("candidates");
    Optional<String> blockReason = JsonText.of(root.path("promptFeedback").path("blockReason"));
    if (!candidates.isArray() || candidates.isEmpty()) {
      if (blockReason.isPresent()) {
        return answer(root, raw, status, "", blockReason, List.of(), false, 0);
      }
      throw errors.malformed(status, response.headers(), raw, "no candidates in the body");
    }
    JsonNode candidate = candidates.get(0);
    Optional<String> finishReason = JsonText.of(candidate.path("finishReason"));
    String text = answerText(candidate.path("content").path("parts"));
    errors.requireAnswer(
        status, response.headers(), raw, text, finishReason, STOPS, request.maxTokens());
    JsonNode grounding = candidate.path("groundingMetadata");
    JsonNode queries = grounding.path("webSearchQueries");
    List<ProviderCitation> citations = citations(grounding);
    boolean grounded = (queries.isArray() && !queries.isEmpty()) || !citations.isEmpty();
    int searches = grounded ? searches(request.model(), queries) : 0;
    return answer(root, raw, status, text, finishReason, citations, grounded, searches);
  }

  private static ProviderAnswer answer(
      JsonNode root,
      String raw,
      int status,
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
        raw,
        status,
        input,
        output,
        finishReason,
        JsonText.of(root.path("responseId")),
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
      Optional<String> uri = JsonText.of(web.path("uri"));
      if (uri.isPresent()) {
        citations.add(
            new ProviderCitation(uri.get(), JsonText.of(web.path("title")), supported.contains(i)));
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
