package dev.vis.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Responses API bodies shaped like the ones OpenAI and xAI send ({@code POST /v1/responses}), for
 * the fake servers of provider and acceptance tests.
 */
public final class ResponsesBodies {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** xAI's 400 for a wrong key (it masks the key it echoes). */
  public static final String XAI_WRONG_KEY =
      xaiError(
          "Client specified an invalid argument",
          "Incorrect API key provided: xa***ef. You can obtain an API key from"
              + " https://console.x.ai.");

  /** xAI's 429 when the team has no credit left. */
  public static final String XAI_CREDITS_SPENT =
      xaiError(
          "Some resource has been exhausted",
          "Your team 0f1e2d3c-aaaa-bbbb-cccc-0123456789ab has either used all available credits or"
              + " reached its monthly spending limit. To continue making API requests, please"
              + " purchase more credits or raise your spending limit.");

  /** xAI's 429 when a rate limit is hit. */
  public static final String XAI_RATE_LIMITED =
      xaiError(
          "Some resource has been exhausted",
          "Your team 0f1e2d3c-aaaa-bbbb-cccc-0123456789ab has exceeded its requests per minute"
              + " limit for model grok-4-1-fast-reasoning.");

  /** xAI's 500. */
  public static final String XAI_SERVER_ERROR =
      xaiError("Internal error", "The service encountered an internal error. Please retry.");

  private ResponsesBodies() {}

  /**
   * A source the answer cites: an annotation over the markdown link to {@code url} in the text.
   *
   * @param url the URL as the provider sends it (OpenAI appends {@code utm_source=openai})
   * @param title the page title
   */
  public record Cite(String url, String title) {}

  /**
   * An OpenAI response: a reasoning item when {@code reasoningTokens > 0}, one {@code
   * web_search_call} per entry of {@code searches} (the URLs its {@code action.sources} list), and
   * the message, its {@code url_citation} annotations placed over the links to {@code cited}.
   */
  public static String openAi(
      String model,
      String text,
      List<Cite> cited,
      List<List<String>> searches,
      long inputTokens,
      long outputTokens,
      long reasoningTokens) {
    ObjectNode root = response("resp_68fa0c1d2e3f4a5b", model, "completed");
    ArrayNode output = root.putArray("output");
    if (reasoningTokens > 0) {
      ObjectNode reasoning = output.addObject();
      reasoning.put("id", "rs_68fa0c1d2e3f4a5b");
      reasoning.put("type", "reasoning");
      reasoning.putArray("summary");
    }
    int n = 0;
    for (List<String> sources : searches) {
      ObjectNode call = output.addObject();
      call.put("id", "ws_68fa0c1d2e3f4a5b" + n++);
      call.put("type", "web_search_call");
      call.put("status", "completed");
      ObjectNode action = call.putObject("action");
      action.put("type", "search");
      action.put("query", "best CRM");
      action.putArray("queries").add("best CRM");
      ArrayNode list = action.putArray("sources");
      sources.forEach(url -> list.addObject().put("type", "url").put("url", url));
    }
    ArrayNode annotations = message(output, "msg_68fa0c1d2e3f4a5b", "output_text", text);
    for (Cite cite : cited) {
      ObjectNode a = annotations.addObject();
      a.put("type", "url_citation");
      placeOver(a, text, cite.url());
      a.put("title", cite.title());
      a.put("url", cite.url());
    }
    usage(root, inputTokens, outputTokens, reasoningTokens);
    return root.toString();
  }

  /** An OpenAI response that stopped at {@code max_output_tokens} while still reasoning. */
  public static String incomplete(String model, long inputTokens, long outputTokens) {
    ObjectNode root = response("resp_incomplete01", model, "incomplete");
    root.putObject("incomplete_details").put("reason", "max_output_tokens");
    ObjectNode reasoning = root.putArray("output").addObject();
    reasoning.put("id", "rs_incomplete01");
    reasoning.put("type", "reasoning");
    reasoning.putArray("summary");
    usage(root, inputTokens, outputTokens, outputTokens);
    return root.toString();
  }

  /** An OpenAI response whose message is a refusal. */
  public static String refusal(String model, String refusal) {
    ObjectNode root = response("resp_refusal01", model, "completed");
    ArrayNode output = root.putArray("output");
    ObjectNode message = output.addObject();
    message.put("id", "msg_refusal01");
    message.put("type", "message");
    message.put("status", "completed");
    message.put("role", "assistant");
    message.putArray("content").addObject().put("type", "refusal").put("refusal", refusal);
    usage(root, 12, 9, 0);
    return root.toString();
  }

  /**
   * An xAI response: {@code searches} {@code web_search_call} items (no {@code action}, as xAI
   * sends them), the message with inline-citation annotations over the links to {@code cited}, the
   * top-level {@code citations} list of every source read, and xAI's usage with its billed
   * tool-call counts.
   */
  public static String xai(
      String model,
      String text,
      List<String> cited,
      List<String> citations,
      int searches,
      long inputTokens,
      long outputTokens,
      long reasoningTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("created_at", 1_762_189_566L);
    root.put("id", "25de2f84-163c-6e9e-e42e-cd1dbd6f9ed0");
    root.putNull("max_output_tokens");
    root.put("model", model);
    root.put("object", "response");
    ArrayNode output = root.putArray("output");
    for (int i = 0; i < searches; i++) {
      ObjectNode call = output.addObject();
      call.put("arguments", "{\"query\":\"best CRM " + i + "\",\"num_results\":10}");
      call.put("call_id", "");
      call.put("name", "web_search");
      call.put("type", "web_search_call");
      call.put("id", "fc_25de2f84-163c-6e9e-e42e-cd1dbd6f9ed0_" + i);
      call.put("status", "completed");
    }
    ArrayNode annotations =
        message(output, "msg_25de2f84-163c-6e9e-e42e-cd1dbd6f9ed0", "output_text", text);
    for (String url : cited) {
      ObjectNode a = annotations.addObject();
      a.put("type", "url_citation");
      a.put("url", url);
      placeOver(a, text, url);
    }
    ArrayNode all = root.putArray("citations");
    citations.forEach(all::add);
    root.put("status", "completed");
    ObjectNode usage = usage(root, inputTokens, outputTokens, reasoningTokens);
    usage.put("num_sources_used", 0);
    usage.put("num_server_side_tools_used", searches);
    ObjectNode tools = usage.putObject("server_side_tool_usage_details");
    tools.put("web_search_calls", searches);
    tools.put("x_search_calls", 0);
    tools.put("code_interpreter_calls", 0);
    root.putNull("incomplete_details");
    root.put("store", false);
    root.putObject("metadata");
    return root.toString();
  }

  /** An xAI error body: a gRPC status description as {@code code}, the message as {@code error}. */
  public static String xaiError(String code, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("code", code);
    root.put("error", message);
    return root.toString();
  }

  private static ObjectNode response(String id, String model, String status) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.put("object", "response");
    root.put("created_at", 1_761_213_469L);
    root.put("status", status);
    root.put("background", false);
    root.putNull("error");
    root.putNull("incomplete_details");
    root.putNull("instructions");
    root.put("model", model);
    return root;
  }

  private static ArrayNode message(ArrayNode output, String id, String type, String text) {
    ObjectNode message = output.addObject();
    message.put("id", id);
    message.put("type", "message");
    message.put("status", "completed");
    message.put("role", "assistant");
    ObjectNode part = message.putArray("content").addObject();
    part.put("type", type);
    ArrayNode annotations = part.putArray("annotations");
    part.putArray("logprobs");
    part.put("text", text);
    return annotations;
  }

  /** Positions the annotation over the markdown link around {@code url}, as the providers do. */
  private static void placeOver(ObjectNode annotation, String text, String url) {
    int at = text.indexOf(url);
    if (at < 0) {
      throw new IllegalArgumentException("the text does not link " + url);
    }
    int start = Math.max(0, text.lastIndexOf('[', at));
    int close = text.indexOf(')', at + url.length());
    int end = close < 0 ? at + url.length() : close + 1;
    annotation.put("start_index", start);
    annotation.put("end_index", end);
  }

  private static ObjectNode usage(ObjectNode root, long input, long output, long reasoning) {
    ObjectNode usage = root.putObject("usage");
    usage.put("input_tokens", input);
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.put("output_tokens", output);
    usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning);
    usage.put("total_tokens", input + output);
    return usage;
  }
}
