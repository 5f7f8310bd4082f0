package dev.vis.provider;

import java.net.URI;
import java.util.OptionalLong;

/**
 * Perplexity's Sonar API ({@code POST {base_url}/chat/completions}): the Chat Completions format
 * with the web sources of each answer in {@code citations} and {@code search_results}.
 *
 * <p>Every Sonar answer is searched for, so answers that came with sources are {@code grounded},
 * and each answer counts one search: the per-request fee Perplexity bills (for {@code
 * sonar-deep-research}, which bills per search query instead, {@code usage.num_search_queries}).
 * {@code <think>} blocks of the reasoning models and the {@code [n]} markers are taken out of the
 * text (see {@link PerplexityCitations}); the raw body keeps both. Perplexity sends no rate-limit
 * headers. A refused key is a 401 HTML page from its proxy, the same page whether the key is wrong
 * or the account's credit is spent, so both are an authentication failure whose message names the
 * two causes. Immutable and thread-safe.
 */
final class PerplexityProvider implements Provider {
  private static final String DEEP_RESEARCH = "sonar-deep-research";

  private final URI completions;
  private final JsonPost http;

  /**
   * @param connection the base URL up to {@code /chat/completions} ({@code
   *     https://api.perplexity.ai}); the key, when set, is sent as a bearer token
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  PerplexityProvider(Connection connection) {
    this.completions = connection.resolve("/chat/completions");
    this.http =
        JsonPost.bearer(
            connection,
            new OpenAiErrors(
                connection,
                "check the API key, and that the account has API credit left: Perplexity refuses"
                    + " every key of an account whose credit (quota) is spent until credit is"
                    + " added"));
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    JsonReply reply = http.send(completions, body(request), request.timeout());
    ChatCompletion completion = ChatCompletion.read(reply);
    ChatChoice chat = completion.first();
    PerplexityCitations.Resolved resolved =
        PerplexityCitations.resolve(
            chat.content(), completion.citations(), completion.searchResults());
    String text = resolved.text().strip();
    StopReasons.CHAT.require(reply, text, chat.finishReason(), request.maxTokens());
    ChatUsage usage = completion.usage();
    return new ProviderAnswer(
        text,
        reply.raw(),
        reply.status(),
        usage.promptTokens(),
        outputTokens(usage),
        chat.finishReason(),
        completion.id().or(() -> reply.header("x-request-id")),
        completion.model(),
        resolved.sources(),
        !resolved.sources().isEmpty(),
        searches(request.model(), usage),
        RateLimits.none());
  }

  /** The request body; Perplexity searches whatever {@code webSearch} says, so it is not sent. */
  static String body(ProviderRequest request) {
    return ProviderJson.object(
        json -> {
          ChatChoice.request(json, request);
          if (request.temperature().isPresent()) {
            json.writeNumberField("temperature", request.temperature().getAsDouble());
          }
          if (request.maxTokens().isPresent()) {
            json.writeNumberField("max_tokens", request.maxTokens().getAsInt());
          }
        });
  }

  /**
   * Completion tokens plus the top-level {@code usage.reasoning_tokens}: Perplexity meters those
   * apart from {@code completion_tokens} (its deep-research model bills them on their own line),
   * and vis bills reasoning as output.
   */
  private static OptionalLong outputTokens(ChatUsage usage) {
    OptionalLong completion = usage.completionTokens();
    OptionalLong reasoning = usage.reasoningTokens();
    return completion.isPresent() && reasoning.isPresent()
        ? OptionalLong.of(completion.getAsLong() + reasoning.getAsLong())
        : completion;
  }

  /** One search per answer, or the queries deep research ran (it bills each). */
  private static int searches(String model, ChatUsage usage) {
    OptionalLong queries = usage.searchQueries();
    if (model.equals(DEEP_RESEARCH) && queries.isPresent()) {
      return (int) Math.min(Integer.MAX_VALUE, queries.getAsLong());
    }
    return 1;
  }
}
