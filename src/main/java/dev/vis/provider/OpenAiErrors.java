package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FinalProviderException.Kind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error bodies of OpenAI and of the servers that copy its shapes (xAI, Perplexity,
 * OpenRouter, Ollama, an HTML page from a proxy) for {@link ProviderErrors}: a 429 {@code
 * insufficient_quota} or xAI's spent credits are a final quota failure, and xAI's wrong key (sent
 * as a 400) an authentication failure. Immutable and thread-safe.
 */
class OpenAiErrors extends ProviderErrors {
  OpenAiErrors(Connection connection) {
    this(connection, "check the API key");
  }

  /**
   * @param authHint what a 401 or 403 message tells the user to check, for providers whose refused
   *     key can mean more than a wrong key (Perplexity blocks keys when credit runs out)
   */
  OpenAiErrors(Connection connection, String authHint) {
    super(connection, authHint, "reasoning models think first");
  }

  @Override
  ErrorBody parse(int status, String body) {
    Shape shape = Shape.parse(body);
    ErrorBody error = ErrorBody.of(shape.message(), shape.code().or(shape::type));
    if (status == 429 && shape.isQuota()) {
      return error.withVerdict(Kind.QUOTA, "the account's quota or credit is spent");
    }
    if (status == 400 && shape.isWrongKey()) {
      // xAI answers a wrong key with 400, not 401.
      return error.withVerdict(Kind.AUTHENTICATION, "check the API key");
    }
    return error;
  }

  /** The parts of an error body worth showing, in the shapes OpenAI and look-alikes send. */
  private record Shape(Optional<String> message, Optional<String> type, Optional<String> code) {
    // xAI's wording (its bodies carry no machine-readable code for these): a 429 when the team's
    // credits or spending limit are used up, a 400 for a wrong key (sometimes URL-encoded).
    private static final Pattern SPENT_CREDITS =
        Pattern.compile("used all available credits|reached its monthly spending limit");
    private static final Pattern WRONG_KEY =
        Pattern.compile("(?i)incorrect(\\s|%20)+api(\\s|%20)+key");
    private static final Pattern HTML_TITLE =
        Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    boolean isQuota() {
      return code.filter("insufficient_quota"::equals).isPresent()
          || type.filter("insufficient_quota"::equals).isPresent()
          || message.filter(m -> SPENT_CREDITS.matcher(m).find()).isPresent();
    }

    boolean isWrongKey() {
      return code.filter("invalid_api_key"::equals).isPresent()
          || message.filter(m -> WRONG_KEY.matcher(m).find()).isPresent();
    }

    static Shape parse(String body) {
      JsonNode root;
      try {
        root = ProviderJson.trees().readTree(body);
      } catch (JacksonException e) {
        return new Shape(
            htmlTitle(body).or(() -> ErrorBody.text(body)), Optional.empty(), Optional.empty());
      }
      if (root == null || root.isMissingNode()) {
        return new Shape(Optional.empty(), Optional.empty(), Optional.empty());
      }
      JsonNode error = root.path("error");
      if (error.isTextual()) {
        // xAI: {"code": "Client specified an invalid argument", "error": "Incorrect API key ..."}
        return new Shape(
            ErrorBody.text(error.asText()), Optional.empty(), ErrorBody.field(root, "code"));
      }
      if (error.isObject()) {
        // A numeric code (Perplexity, OpenRouter) repeats the HTTP status: the type says more.
        Optional<String> code =
            error.path("code").isNumber() ? Optional.empty() : ErrorBody.field(error, "code");
        return new Shape(ErrorBody.field(error, "message"), ErrorBody.field(error, "type"), code);
      }
      return new Shape(
          ErrorBody.field(root, "message").or(() -> ErrorBody.field(root, "detail")),
          Optional.empty(),
          Optional.empty());
    }

    /** The title of an HTML error page (a proxy's 401 or 502), rather than its whole markup. */
    private static Optional<String> htmlTitle(String body) {
      Matcher title = HTML_TITLE.matcher(body);
      return title.find() ? ErrorBody.text(title.group(1).strip()) : Optional.empty();
    }
  }
}
