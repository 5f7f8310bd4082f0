package dev.vis.cli;

import static dev.vis.provider.AnthropicBodies.message;
import static dev.vis.provider.AnthropicBodies.searchCall;
import static dev.vis.provider.AnthropicBodies.searchResults;
import static dev.vis.provider.AnthropicBodies.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.cli.AcceptanceWire.Errors;
import dev.vis.cli.AcceptanceWire.Expected;
import dev.vis.cli.AcceptanceWire.Model;
import dev.vis.provider.AnthropicBodies;
import dev.vis.provider.AnthropicBodies.Source;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.provider.GeminiBodies;
import dev.vis.provider.PerplexityBodies;
import dev.vis.provider.ResponsesBodies;
import dev.vis.provider.ResponsesBodies.Cite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The seven wires every provider's acceptance runs over: one per wire format and search mode. */
final class AcceptanceWires {
  static final String ACME = "https://acme.com/pricing";
  static final String GLOBEX = "https://www.globex.com/reports";
  static final String ANTHROPIC_KEY = "sk-ant-api03-acceptance-0123456789abcdef";
  static final String GEMINI_KEY = "AIzaSyAcceptance0123456789abcdefghijk";
  static final String XAI_KEY = "xai-acceptance-0123456789abcdefSECRET";

  /** The spec's brands: the success replies name both, and cite their domains. */
  static final String BRANDS =
      """
      brands:
        - name: Acme CRM
          domains: [acme.com]
          primary: true
        - name: Globex
          domains: [globex.com]
      """;

  /** A spec's {@code prompts:} section, from pairs of ids and texts. */
  static String prompts(String... idsAndTexts) {
    StringBuilder yaml = new StringBuilder("prompts:\n");
    for (int i = 0; i + 1 < idsAndTexts.length; i += 2) {
      yaml.append("  - id: ").append(idsAndTexts[i]).append("\n    text: ");
      yaml.append(idsAndTexts[i + 1]).append('\n');
    }
    return yaml.toString();
  }

  private static final Errors OPENAI_ERRORS =
      new Errors(
          delay ->
              FakeOpenAiServer.rateLimited()
                  .withHeader("retry-after", String.valueOf(delay.toSeconds())),
          FakeOpenAiServer.insufficientQuota(),
          FakeOpenAiServer.serverError(),
          FakeOpenAiServer.invalidApiKey());

  private static final Errors XAI_ERRORS =
      new Errors(
          delay ->
              Reply.json(429, ResponsesBodies.XAI_RATE_LIMITED)
                  .withHeader("retry-after", String.valueOf(delay.toSeconds())),
          Reply.json(429, ResponsesBodies.XAI_CREDITS_SPENT),
          Reply.json(500, ResponsesBodies.XAI_SERVER_ERROR),
          Reply.json(400, ResponsesBodies.XAI_WRONG_KEY));

  private AcceptanceWires() {}

  static Stream<AcceptanceWire> all() {
    return Stream.of(
        openAiChat(),
        openAiWebSearch(),
        anthropic(),
        gemini(),
        perplexity(),
        xai(),
        xaiWebSearch());
  }

  /** A numbered list naming both brands, each line ending with {@code acme} and {@code globex}. */
  private static String answer(String acme, String globex) {
    return "The best CRMs for most teams:\n\n1. **Acme CRM**: simple and affordable"
        + acme
        + "\n2. **Globex**: strong reporting"
        + globex
        + "\n";
  }

  /** OpenAI Chat Completions ({@code provider: openai}). */
  static AcceptanceWire openAiChat() {
    String text =
        answer(
            " ([pricing](https://acme.com/pricing?utm_source=openai)).", ", see " + GLOBEX + ".");
    return new AcceptanceWire(
        "openai chat",
        new Model("mini", "openai", "gpt-4o-mini", 400, false, "/v1", Optional.empty()),
        Map.of("OPENAI_API_KEY", "sk-proj-acceptance-0123456789abcdef"),
        // OpenAI answers with the dated snapshot that served the alias asked for
        Reply.json(
            200, FakeOpenAiServer.completionBody("gpt-4o-mini-2024-07-18", text, "stop", 31, 58)),
        new Expected(31, 58, 0, false, List.of(ACME, GLOBEX), List.of(), "gpt-4o-mini-2024-07-18"),
        OPENAI_ERRORS);
  }

  /** OpenAI's Responses API with the web_search tool ({@code web_search: true}). */
  static AcceptanceWire openAiWebSearch() {
    String acme = "https://acme.com/pricing?utm_source=openai";
    String globex = "https://www.globex.com/reports?utm_source=openai";
    String g2 = "https://www.g2.com/categories/crm";
    String capterra = "https://www.capterra.com/crm-software";
    String body =
        ResponsesBodies.openAi(
            "gpt-5-mini-2025-08-07",
            answer(" ([acme.com](" + acme + ")).", " ([globex.com](" + globex + "))."),
            List.of(new Cite(acme, "Acme CRM pricing"), new Cite(globex, "Globex reports")),
            List.of(List.of(ACME, g2), List.of(capterra)),
            1_234,
            567,
            320);
    return new AcceptanceWire(
        "openai web search",
        new Model(
            "searcher", "openai", "gpt-5-mini", 2000, true, "/v1", Optional.of("/v1/responses")),
        Map.of("OPENAI_API_KEY", "sk-proj-acceptance-websearch-0123456789"),
        Reply.json(200, body),
        new Expected(
            1_234,
            567,
            2,
            true,
            List.of(ACME, GLOBEX),
            List.of(g2, capterra),
            "gpt-5-mini-2025-08-07"),
        OPENAI_ERRORS);
  }

  /** Anthropic Messages with the web search tool ({@code provider: anthropic}). */
  static AcceptanceWire anthropic() {
    Source acme = new Source(ACME, "Acme CRM pricing");
    Source globex = new Source(GLOBEX, "Globex reports");
    Source g2 = new Source("https://www.g2.com/categories/crm", "Best CRM software");
    String model = "claude-sonnet-4-5-20250929";
    String body =
        message(
            model,
            List.of(
                text("I'll search for current CRM comparisons."),
                searchCall("best CRM 2025"),
                searchResults(acme, globex, g2),
                text("The best CRMs for most teams:\n\n1. "),
                text("**Acme CRM**: simple and affordable", acme),
                text(".\n2. "),
                text("**Globex**: strong reporting", globex),
                text(".")),
            "end_turn",
            2051,
            312,
            1);
    return new AcceptanceWire(
        "anthropic web search",
        new Model("sonnet", "anthropic", model, 400, true, "/v1", Optional.empty()),
        Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY),
        Reply.json(200, body).withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"),
        new Expected(2051, 312, 1, true, List.of(ACME, GLOBEX), List.of(g2.url()), model),
        new Errors(
            AnthropicBodies::rateLimited,
            AnthropicBodies.creditTooLow(),
            AnthropicBodies.overloaded(),
            AnthropicBodies.invalidKey()));
  }

  /**
   * Gemini with Google Search grounding ({@code provider: gemini}). Grounding chunks carry Google
   * redirect URIs, so the stored citation URL is the redirect while the domain comes from the
   * chunk's title.
   */
  static AcceptanceWire gemini() {
    String acme = GeminiBodies.redirect("acme-pricing");
    String globex = GeminiBodies.redirect("globex-reports");
    String reviews = GeminiBodies.redirect("crm-reviews");
    Reply success =
        GeminiBodies.answer()
            .thought("**Comparing CRMs** for small teams")
            .text(answer(".", "."))
            .usage(31, 58, 120, 90)
            .query("best CRM for small teams")
            .source(acme, "acme.com")
            .source(globex, "globex.com")
            .source(reviews, "crm-reviews.example")
            .support("**Acme CRM**: simple and affordable.", 0)
            .support("**Globex**: strong reporting.", 1)
            .model("gemini-2.5-flash-preview-09-2025")
            .reply();
    return new AcceptanceWire(
        "gemini grounding",
        new Model("flash", "gemini", "gemini-2.5-flash", 400, true, "/v1beta", Optional.empty()),
        Map.of("GEMINI_API_KEY", GEMINI_KEY),
        success,
        // Input counts the tool-use prompt, output the thoughts; Google bills one grounded prompt.
        new Expected(
            31 + 90,
            58 + 120,
            1,
            true,
            List.of(acme, globex),
            List.of(reviews),
            "gemini-2.5-flash-preview-09-2025"),
        new Errors(
            delay -> GeminiBodies.rateLimited(delay.toSeconds() + "s"),
            GeminiBodies.dailyQuotaSpent(),
            GeminiBodies.overloaded(),
            GeminiBodies.invalidApiKey()));
  }

  /**
   * Perplexity's Sonar API ({@code provider: perplexity}). Perplexity has no quota error of its
   * own: an account whose credit is spent has its keys blocked and gets the same 401 page from its
   * proxy as a wrong key, so the auth error covers it (final, an authentication failure that stops
   * every model on the key, with a message naming spent credit). The quota case stands in with a
   * 402, which vis reads as a spent quota.
   */
  static AcceptanceWire perplexity() {
    String techradar = "https://www.techradar.com/best/best-crm-software";
    String globex = "https://globex.com/reports";
    List<String> citations = List.of(ACME, techradar, globex);
    return new AcceptanceWire(
        "perplexity",
        new Model("pro", "perplexity", "sonar-pro", 400, true, "", Optional.empty()),
        Map.of("PERPLEXITY_API_KEY", "pplx-acceptance0123456789abcdef0123456789abcdef"),
        Reply.json(
            200,
            PerplexityBodies.completion("sonar-pro", answer(" [1].", "[3]."), 27, 64, citations)),
        new Expected(27, 64, 1, true, List.of(ACME, globex), List.of(techradar), "sonar-pro"),
        new Errors(
            PerplexityBodies::rateLimited,
            PerplexityBodies.paymentRequired(),
            PerplexityBodies.serverError(),
            PerplexityBodies.unauthorized()));
  }

  /** xAI Chat Completions ({@code provider: xai}): reasoning tokens reported beside the output. */
  static AcceptanceWire xai() {
    String text = answer(", see " + ACME + ".", ", see " + GLOBEX + ".");
    return new AcceptanceWire(
        "xai chat",
        new Model(
            "grok", "xai", "grok-3-mini", 1000, false, "/v1", Optional.of("/v1/chat/completions")),
        Map.of("XAI_API_KEY", XAI_KEY),
        Reply.json(200, xaiCompletion("grok-3-mini", text, 31, 58, 212)),
        new Expected(31, 58 + 212, 0, false, List.of(ACME, GLOBEX), List.of(), "grok-3-mini"),
        XAI_ERRORS);
  }

  /** xAI's Responses API with its web_search tool ({@code web_search: true}). */
  static AcceptanceWire xaiWebSearch() {
    String status = "https://x.com/i/status/1975607901571199086";
    String g2 = "https://www.g2.com/categories/crm";
    String model = "grok-4-1-fast-reasoning";
    String body =
        ResponsesBodies.xai(
            model,
            answer(" [[1]](" + ACME + ").", " [[2]](" + GLOBEX + ")."),
            List.of(ACME, GLOBEX),
            List.of(ACME, GLOBEX, status, g2),
            3,
            1_941,
            583,
            380);
    return new AcceptanceWire(
        "xai web search",
        new Model("grok-search", "xai", model, 2000, true, "/v1", Optional.of("/v1/responses")),
        Map.of("XAI_API_KEY", XAI_KEY),
        Reply.json(200, body),
        new Expected(1_941, 583, 3, true, List.of(ACME, GLOBEX), List.of(status, g2), model),
        XAI_ERRORS);
  }

  /** A chat completion as xAI sends it: reasoning tokens reported beside the completion tokens. */
  private static String xaiCompletion(
      String model, String text, long prompt, long completion, long reasoning) {
    try {
      ObjectNode root =
          (ObjectNode)
              JsonMapper.builder()
                  .build()
                  .readTree(
                      FakeOpenAiServer.completionBody(model, text, "stop", prompt, completion));
      root.put("id", "3b2c4e8a-5d1f-4a7e-9c0b-6f2d8e1a7b34");
      ObjectNode message = (ObjectNode) root.path("choices").get(0).path("message");
      message.put("reasoning_content", "The user wants a CRM recommendation.");
      ObjectNode usage = (ObjectNode) root.path("usage");
      usage.put("total_tokens", prompt + completion + reasoning);
      usage.putObject("prompt_tokens_details").put("text_tokens", prompt).put("cached_tokens", 0);
      usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
      usage.put("num_sources_used", 0);
      return root.toString();
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }
}
