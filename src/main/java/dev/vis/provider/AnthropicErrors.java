package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.provider.FinalProviderException.Kind;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Classifies what went wrong in an Anthropic Messages call: Anthropic's error body ({@code
 * {"type":"error","error":{"type":"rate_limit_error","message":"…"},"request_id":"…"}}) has the
 * shape {@link OpenAiErrors} already reads, so this adds only Anthropic's ways of saying that the
 * money is spent.
 *
 * <p>429 {@code rate_limit_error}, 500 {@code api_error}, 504 and 529 {@code overloaded_error} are
 * retryable; 401 {@code authentication_error} and 403 {@code permission_error} are authentication
 * failures; 402 {@code billing_error}, a 400 saying the credit balance is too low or a usage limit
 * is reached, and a 429 whose {@code error.details.error_code} is {@code
 * enforced_spend_limit_reached} are quota failures. Immutable and thread-safe.
 */
final class AnthropicErrors implements HttpCall.TransportErrors {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** How Anthropic words a spent balance or spend limit in a 400 {@code invalid_request_error}. */
  private static final Pattern SPENT =
      Pattern.compile(
          "credit balance is too low|reached your specified (api )?usage limits" + "|spend limit",
          Pattern.CASE_INSENSITIVE);

  private final OpenAiErrors common;

  AnthropicErrors(String providerName, Redactor redactor, Clock clock) {
    this.common = new OpenAiErrors(providerName, redactor, clock);
  }

  /** Classifies a response that is not a 2xx success. */
  ProviderException forStatus(int status, HttpHeaders headers, String body) {
    ProviderException e = common.forStatus(status, headers, body);
    if (isSpent(status, body)) {
      return new FinalProviderException(
          Kind.QUOTA,
          e.getMessage() + " (the account's credit or spend limit is spent: a quota, not retried)",
          OptionalInt.of(status),
          e.rawBody(),
          null);
    }
    return e;
  }

  /** A 2xx whose body is not a usable message: the next attempt may get a good one. */
  RetryableProviderException malformed(int status, HttpHeaders headers, String body, String why) {
    return common.malformed(status, headers, body, why);
  }

  /** The model spent its whole {@code max_tokens} before writing any answer text. */
  FinalProviderException outOfTokens(int status, String body, OptionalInt maxTokens) {
    return common.outOfTokens(status, body, maxTokens);
  }

  /** See {@link OpenAiErrors#requireAnswer}. */
  void requireAnswer(
      int status,
      HttpHeaders headers,
      String body,
      String text,
      Optional<String> reason,
      StopReasons stops,
      OptionalInt maxTokens)
      throws ProviderException {
    common.requireAnswer(status, headers, body, text, reason, stops, maxTokens);
  }

  @Override
  public RetryableProviderException timeout(Duration timeout, Throwable cause) {
    return common.timeout(timeout, cause);
  }

  @Override
  public RetryableProviderException forIo(IOException e, String target, Duration timeout) {
    return common.forIo(e, target, timeout);
  }

  @Override
  public FinalProviderException tooLarge(int status, long limit) {
    return common.tooLarge(status, limit);
  }

  private static boolean isSpent(int status, String body) {
    if (status != 400 && status != 429) {
      return false;
    }
    JsonNode error;
    try {
      JsonNode root = JSON.readTree(body);
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
