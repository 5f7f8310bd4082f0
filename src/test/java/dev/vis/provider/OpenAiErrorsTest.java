package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FinalProviderException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {
  private final OpenAiErrors errors =
      new OpenAiErrors(
          new Connection(
              "openai",
              URI.create("https://api.openai.com/v1"),
              Optional.of("sk-secret-key-123"),
              Map.of(),
              HttpClient.newHttpClient(),
              Clock.systemUTC()));
  private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (n, v) -> true);

  private static HttpHeaders header(String name, String value) {
    return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
  }

  @Nested
  class Statuses {
    @Test
    void classifies_each_final_status_by_kind() {
      assertThat(kind(401)).isEqualTo(Kind.AUTHENTICATION);
      assertThat(kind(403)).isEqualTo(Kind.AUTHENTICATION);
      assertThat(kind(402)).isEqualTo(Kind.QUOTA);
      for (int status : List.of(400, 404, 405, 413, 422, 501, 505)) {
        assertThat(kind(status)).as("%d", status).isEqualTo(Kind.REQUEST);
      }
    }

    @Test
    void retries_transient_statuses_including_cloudflares() {
      for (int status : List.of(408, 409, 425, 429, 500, 502, 503, 504, 520, 524, 529)) {
        assertThat(errors.forStatus(status, NONE, "{}"))
            .as("%d", status)
            .isInstanceOf(RetryableProviderException.class);
      }
    }

    @Test
    void treats_a_quota_429_as_final_when_only_the_type_says_so() {
      String body =
          "{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\",\"code\":null}}";

      assertThat(errors.forStatus(429, NONE, body))
          .isInstanceOfSatisfying(
              FinalProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA));
    }

    @Test
    void refuses_to_follow_a_redirect_and_says_where_it_pointed() {
      ProviderException e =
          errors.forStatus(307, header("location", "https://api.example.com/v1"), "");

      assertThat(e).isInstanceOf(FinalProviderException.class);
      assertThat(e.getMessage()).contains("307", "https://api.example.com/v1", "base_url");
    }

    private Kind kind(int status) {
      return ((FinalProviderException) errors.forStatus(status, NONE, "{}")).kind();
    }
  }

  @Nested
  class Messages {
    @Test
    void reads_the_error_shapes_compatible_servers_send() {
      assertThat(
              errors.forStatus(404, NONE, "{\"error\":\"model 'llama9' not found\"}").getMessage())
          .isEqualTo("openai: HTTP 404: model 'llama9' not found");
      assertThat(errors.forStatus(422, NONE, "{\"detail\":\"bad field\"}").getMessage())
          .isEqualTo("openai: HTTP 422: bad field");
      assertThat(errors.forStatus(502, NONE, "<html>\n<b>Bad gateway</b>\n</html>").getMessage())
          .isEqualTo("openai: HTTP 502: <html> <b>Bad gateway</b> </html>");
    }

    @Test
    void truncates_a_long_provider_message() {
      String body = "{\"error\":{\"message\":\"" + "x".repeat(5_000) + "\"}}";

      assertThat(errors.forStatus(400, NONE, body).getMessage().length()).isLessThan(400);
    }

    @Test
    void blanks_the_key_and_anything_shaped_like_one() {
      String body =
          "{\"error\":{\"message\":\"bad key sk-secret-key-123 and sk-other0123456789\"}}";

      assertThat(errors.forStatus(401, NONE, body).getMessage())
          .doesNotContain("sk-secret-key-123")
          .doesNotContain("sk-other0123456789");
    }
  }

  @Nested
  class Transport {
    @Test
    void retries_connection_failures_and_timeouts() {
      assertThat(
              errors
                  .transport()
                  .forIo(
                      new ConnectException("Connection refused"),
                      "http://h:1",
                      Duration.ofSeconds(1))
                  .getMessage())
          .isEqualTo("openai: cannot connect to http://h:1 (Connection refused)");
      assertThat(
              errors
                  .transport()
                  .forIo(new HttpConnectTimeoutException("x"), "http://h:1", Duration.ofSeconds(1))
                  .getMessage())
          .contains("connect timed out");
      assertThat(
              errors
                  .transport()
                  .forIo(new HttpTimeoutException("x"), "http://h:1", Duration.ofSeconds(60))
                  .getMessage())
          .isEqualTo("openai: no answer within 60s (per-attempt timeout)");
      assertThat(
              errors
                  .transport()
                  .forIo(new IOException("reset"), "http://h:1", Duration.ofSeconds(1)))
          .isInstanceOf(RetryableProviderException.class);
    }
  }
}
