package dev.vis.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Response and error bodies shaped like the Gemini API's own ({@code generateContent}, {@code
 * google.rpc.Status} errors), for fake servers in tests.
 */
public final class GeminiBodies {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Where grounding chunks point: Google's redirect, not the source. */
  public static final String REDIRECT =
      "https://vertexaisearch.cloud.google.com/grounding-api-redirect/";

  private GeminiBodies() {}

  /** A grounding redirect URI with an opaque token, as Gemini returns for each chunk. */
  public static String redirect(String token) {
    return REDIRECT + "AUZIYQ" + token;
  }

  /** A {@code generateContent} response being built: parts, finish reason, usage, grounding. */
  public static Answer answer() {
    return new Answer();
  }

  /** A plain answer: one text part, {@code STOP}, and usage. */
  public static String answer(String text, int promptTokens, int candidatesTokens) {
    return answer().text(text).usage(promptTokens, candidatesTokens, 0, 0).json();
  }

  /** A prompt blocked before any candidate: {@code promptFeedback.blockReason}, no candidates. */
  public static String blocked(String reason, int promptTokens) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode feedback = root.putObject("promptFeedback").put("blockReason", reason);
    feedback
        .putArray("safetyRatings")
        .addObject()
        .put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
        .put("probability", "HIGH");
    root.putObject("usageMetadata")
        .put("promptTokenCount", promptTokens)
        .put("totalTokenCount", promptTokens);
    root.put("modelVersion", "gemini-2.5-flash").put("responseId", "blocked-1");
    return root.toString();
  }

  /** A {@code google.rpc.Status} error body with the given details. */
  public static String error(int code, String status, String message, ObjectNode... details) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code).put("message", message).put("status", status);
    if (details.length > 0) {
      ArrayNode list = error.putArray("details");
      for (ObjectNode d : details) {
        list.add(d);
      }
    }
    return root.toString();
  }

  /** A {@code QuotaFailure} detail naming one violated quota. */
  public static ObjectNode quotaFailure(String quotaId) {
    ObjectNode d = JSON.createObjectNode();
    d.put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
    d.putArray("violations")
        .addObject()
        .put("quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests")
        .put("quotaId", quotaId)
        .put("quotaValue", "10")
        .putObject("quotaDimensions")
        .put("location", "global")
        .put("model", "gemini-2.5-flash");
    return d;
  }

  /** A {@code RetryInfo} detail asking for {@code retryDelay} ({@code "37s"}). */
  public static ObjectNode retryInfo(String retryDelay) {
    return JSON.createObjectNode()
        .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
        .put("retryDelay", retryDelay);
  }

  /** A {@code Help} detail, as Google adds to quota errors. */
  public static ObjectNode help() {
    ObjectNode d = JSON.createObjectNode().put("@type", "type.googleapis.com/google.rpc.Help");
    d.putArray("links")
        .addObject()
        .put("description", "Learn more about Gemini API quotas")
        .put("url", "https://ai.google.dev/gemini-api/docs/rate-limits");
    return d;
  }

  /** 429 for a per-minute quota, with the delay in {@code RetryInfo}. */
  public static Reply rateLimited(String retryDelay) {
    return quotaExceeded("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", retryDelay);
  }

  /** 429 for a spent per-day quota: waiting minutes will not help. */
  public static Reply dailyQuotaSpent() {
    return quotaExceeded("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "13s");
  }

  private static Reply quotaExceeded(String quotaId, String retryDelay) {
    return Reply.json(
        429,
        error(
            429,
            "RESOURCE_EXHAUSTED",
            "You exceeded your current quota, please check your plan and billing details.",
            quotaFailure(quotaId),
            help(),
            retryInfo(retryDelay)));
  }

  /** 400 {@code INVALID_ARGUMENT}, reason {@code API_KEY_INVALID}: how Google says "bad key". */
  public static Reply invalidApiKey() {
    ObjectNode info =
        JSON.createObjectNode()
            .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
            .put("reason", "API_KEY_INVALID")
            .put("domain", "googleapis.com");
    info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
    return Reply.json(
        400,
        error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", info));
  }

  /** 403 {@code PERMISSION_DENIED}. */
  public static Reply permissionDenied() {
    return Reply.json(
        403,
        error(
            403,
            "PERMISSION_DENIED",
            "Method doesn't allow unregistered callers (callers without established identity)."
                + " Please use API Key or other form of API consumer identity to call this API."));
  }

  /** 503 {@code UNAVAILABLE}: the model is overloaded. */
  public static Reply overloaded() {
    return Reply.json(
        503, error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."));
  }

  /** A plain {@code google.rpc.Status} error reply. */
  public static Reply status(int code, String status, String message) {
    return Reply.json(code, error(code, status, message));
  }

  /** Builds one {@code generateContent} response body. */
  public static final class Answer {
    private final List<ObjectNode> parts = new ArrayList<>();
    private final List<ObjectNode> chunks = new ArrayList<>();
    private final List<ObjectNode> supports = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private String finishReason = "STOP";
    private ObjectNode usage;
    private String model = "gemini-2.5-flash";
    private String responseId = "mOYBaPLpH8ahz7IPq9XCwQM";

    private Answer() {}

    /** A text part of the answer. */
    public Answer text(String text) {
      parts.add(JSON.createObjectNode().put("text", text));
      return this;
    }

    /** A thought summary part ({@code "thought": true}): not answer text. */
    public Answer thought(String text) {
      parts.add(JSON.createObjectNode().put("text", text).put("thought", true));
      return this;
    }

    public Answer finishReason(String reason) {
      finishReason = reason;
      return this;
    }

    /** Usage; zero counts are left out, as Google does. */
    public Answer usage(int prompt, int candidates, int thoughts, int toolUsePrompt) {
      usage = JSON.createObjectNode();
      usage.put("promptTokenCount", prompt);
      if (candidates > 0) {
        usage.put("candidatesTokenCount", candidates);
      }
      usage.put("totalTokenCount", prompt + candidates + thoughts + toolUsePrompt);
      if (toolUsePrompt > 0) {
        usage.put("toolUsePromptTokenCount", toolUsePrompt);
      }
      if (thoughts > 0) {
        usage.put("thoughtsTokenCount", thoughts);
      }
      usage
          .putArray("promptTokensDetails")
          .addObject()
          .put("modality", "TEXT")
          .put("tokenCount", prompt);
      return this;
    }

    /** A search the model ran. */
    public Answer query(String query) {
      queries.add(query);
      return this;
    }

    /** A grounding chunk: a redirect URI and the source's domain as its title. */
    public Answer source(String uri, String title) {
      ObjectNode chunk = JSON.createObjectNode();
      chunk.putObject("web").put("uri", uri).put("title", title);
      chunks.add(chunk);
      return this;
    }

    /** A grounding support: a segment of the answer backed by the chunks at {@code indices}. */
    public Answer support(String segment, int... indices) {
      ObjectNode support = JSON.createObjectNode();
      support
          .putObject("segment")
          .put("startIndex", 0)
          .put("endIndex", segment.length())
          .put("text", segment);
      ArrayNode list = support.putArray("groundingChunkIndices");
      for (int i : indices) {
        list.add(i);
      }
      supports.add(support);
      return this;
    }

    public Answer model(String modelVersion) {
      model = modelVersion;
      return this;
    }

    public Answer responseId(String id) {
      responseId = id;
      return this;
    }

    /** The body as JSON text. */
    public String json() {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode candidate = root.putArray("candidates").addObject();
      if (!parts.isEmpty()) {
        ObjectNode content = candidate.putObject("content");
        ArrayNode list = content.putArray("parts");
        parts.forEach(list::add);
        content.put("role", "model");
      }
      candidate.put("finishReason", finishReason).put("index", 0);
      if (!chunks.isEmpty() || !queries.isEmpty()) {
        ObjectNode grounding = candidate.putObject("groundingMetadata");
        grounding
            .putObject("searchEntryPoint")
            .put("renderedContent", "<style>.container{}</style><div class=\"container\"></div>");
        ArrayNode chunkList = grounding.putArray("groundingChunks");
        chunks.forEach(chunkList::add);
        ArrayNode supportList = grounding.putArray("groundingSupports");
        supports.forEach(supportList::add);
        ArrayNode queryList = grounding.putArray("webSearchQueries");
        queries.forEach(queryList::add);
      }
      if (usage != null) {
        root.set("usageMetadata", usage);
      }
      root.put("modelVersion", model).put("responseId", responseId);
      return root.toString();
    }

    /** A 200 reply with this body. */
    public Reply reply() {
      return Reply.json(200, json());
    }
  }
}
