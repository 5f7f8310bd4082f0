package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FinalProviderException.Kind;
import java.util.regex.Pattern;

/**
 * Reads Anthropic's error bodies ({@code
 * {"type":"error","error":{"type":"rate_limit_error","message":"…"},"request_id":"…"}}), which have
 * the shape {@link OpenAiErrors} already reads, adding only Anthropic's ways of saying that the
 * money is spent.
 *
 * <p>429 {@code rate_limit_error}, 500 {@code api_error}, 504 and 529 {@code overloaded_error} are
 * retryable; 401 {@code authentication_error} and 403 {@code permission_error} are authentication
 * failures; 402 {@code billing_error}, a 400 saying the credit balance is too low or a usage limit
 * is reached, and a 429 whose {@code error.details.error_code} is {@code
 * enforced_spend_limit_reached} are quota failures. Immutable and thread-safe.
 */
final class AnthropicErrors extends OpenAiErrors {
  /** How Anthropic words a spent balance or spend limit in a 400 {@code invalid_request_error}. */
  private static final Pattern SPENT =
      Pattern.compile(
          "credit balance is too low|reached your specified (api )?usage limits" + "|spend limit",
          Pattern.CASE_INSENSITIVE);

  AnthropicErrors(Connection connection) {
    super(connection);
  }

  @Override
  ErrorBody parse(int status, String body) {
    ErrorBody error = super.parse(status, body);
    return isSpent(status, body)
        ? error.withVerdict(
            Kind.QUOTA, "the account's credit or spend limit is spent: a quota, not retried")
        : error;
  }

  private static boolean isSpent(int status, String body) {
    if (status != 400 && status != 429) {
      return false;
    }
    JsonNode error;
    try {
      JsonNode root = ProviderJson.trees().readTree(body);
      error = root == null ? null : root.path("error");
    } catch (JacksonException e) {
      return false;
    }
    if (error == null || !error.isObject()) {
      return false;
    }
    if (status == 429) {
      return "enforced_spend_limit_reached"
          .equals(error.path("details").path("error_code").asText(""));
    }
    return SPENT.matcher(error.path("message").asText("")).find();
  }
}
