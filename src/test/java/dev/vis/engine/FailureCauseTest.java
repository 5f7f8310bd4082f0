package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.provider.RetryableProviderException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureCauseTest {
  static RetryableProviderException retryable(OptionalInt status, String message, Throwable cause) {
    return new RetryableProviderException(
        message, status, Optional.empty(), Optional.empty(), cause);
  }

  static FinalProviderException fin(Kind kind, int status, String message) {
    return new FinalProviderException(
        kind, message, OptionalInt.of(status), Optional.empty(), null);
  }

  @Test
  void retryable_statuses_read_as_what_happened() {
    assertThat(FailureCause.of(retryable(OptionalInt.of(429), "x", null), false))
        .isEqualTo("rate limited");
    assertThat(FailureCause.of(retryable(OptionalInt.of(503), "x", null), false))
        .isEqualTo("server error");
    assertThat(FailureCause.of(retryable(OptionalInt.of(529), "x", null), false))
        .isEqualTo("server error");
    assertThat(FailureCause.of(retryable(OptionalInt.of(408), "x", null), false))
        .isEqualTo("timeout");
  }

  @Test
  void a_200_that_failed_is_a_malformed_response_not_http_200() {
    assertThat(
            FailureCause.of(
                retryable(OptionalInt.of(200), "HTTP 200 with a body that is not JSON", null),
                false))
        .isEqualTo("malformed response");
  }

  @Test
  void failures_without_a_status_are_timeouts_or_connection_errors() {
    assertThat(
            FailureCause.of(
                retryable(
                    OptionalInt.empty(), "no answer within 2 s", new HttpTimeoutException("t")),
                false))
        .isEqualTo("timeout");
    assertThat(
            FailureCause.of(
                retryable(OptionalInt.empty(), "connection failed to http://x (reset)", null),
                false))
        .isEqualTo("connection");
    assertThat(
            FailureCause.of(
                retryable(
                    OptionalInt.empty(), "cannot connect to http://x (connect timed out)", null),
                false))
        .isEqualTo("connection");
  }

  @Test
  void final_failures_name_their_kind() {
    assertThat(FailureCause.of(fin(Kind.AUTHENTICATION, 401, "bad key"), false))
        .isEqualTo("authentication");
    assertThat(FailureCause.of(fin(Kind.QUOTA, 429, "insufficient_quota"), false))
        .isEqualTo("quota");
    assertThat(FailureCause.of(fin(Kind.REQUEST, 200, "the model spent max_tokens (800)"), false))
        .isEqualTo("max_tokens");
    assertThat(FailureCause.of(fin(Kind.REQUEST, 400, "Invalid 'messages'"), false))
        .isEqualTo("request rejected");
  }

  @Test
  void a_server_delay_over_the_limit_says_so() {
    assertThat(FailureCause.of(retryable(OptionalInt.of(429), "x", null), true))
        .isEqualTo("server asked to wait longer than retry.max_delay");
  }
}
