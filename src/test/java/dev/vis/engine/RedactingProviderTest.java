package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.ProviderAnswer;
import dev.vis.provider.ProviderCitation;
import dev.vis.provider.ProviderException;
import dev.vis.provider.ProviderRequest;
import dev.vis.provider.RateLimits;
import dev.vis.provider.RetryableProviderException;
import dev.vis.provider.TestSpecs;
import dev.vis.spec.Secrets;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RedactingProviderTest {
  static final String KEY = "sk-engine-7f3a9c1e";
  static final ProviderRequest REQUEST = TestSpecs.request("m", "Which CRM?");

  private static Secrets secrets() {
    Secrets secrets = new Secrets();
    secrets.add(List.of(KEY));
    return secrets;
  }

  /** What a redacting provider throws when the provider it wraps throws {@code thrown}. */
  private static <T extends ProviderException> T redactedFailure(
      ProviderException thrown, Class<T> type) {
    return catchThrowableOfType(
        type,
        () ->
            new RedactingProvider(
                    request -> {
                      throw thrown;
                    },
                    secrets())
                .call(REQUEST));
  }

  @Test
  void blanks_a_key_everywhere_in_an_answer_and_keeps_the_rest() throws Exception {
    ProviderAnswer echoed =
        new ProviderAnswer(
            "Acme CRM, key " + KEY,
            "{\"content\": \"Acme CRM, key " + KEY + "\"}",
            200,
            OptionalLong.of(12),
            OptionalLong.of(7),
            Optional.of("stop " + KEY),
            Optional.of("req-" + KEY),
            List.of(new ProviderCitation("https://acme.example/?k=" + KEY, Optional.of(KEY), true)),
            true,
            0,
            RateLimits.none());

    ProviderAnswer answer = new RedactingProvider(request -> echoed, secrets()).call(REQUEST);

    assertThat(answer.text()).isEqualTo("Acme CRM, key ***");
    assertThat(answer.rawBody()).isEqualTo("{\"content\": \"Acme CRM, key ***\"}");
    assertThat(answer.finishReason()).hasValue("stop ***");
    assertThat(answer.requestId()).hasValue("req-***");
    assertThat(answer.citations())
        .containsExactly(
            new ProviderCitation("https://acme.example/?k=***", Optional.of("***"), true));
    assertThat(answer.inputTokens()).hasValue(12);
    assertThat(answer.outputTokens()).hasValue(7);
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void a_retryable_failure_keeps_its_status_delay_and_cause_with_the_key_blanked() {
    HttpTimeoutException timeout = new HttpTimeoutException("timed out");
    RetryableProviderException thrown =
        new RetryableProviderException(
            "p: HTTP 503 for " + KEY,
            OptionalInt.of(503),
            Optional.of("{\"echo\": \"" + KEY + "\"}"),
            Optional.of(Duration.ofSeconds(2)),
            timeout);

    RetryableProviderException e = redactedFailure(thrown, RetryableProviderException.class);

    assertThat(e.getMessage()).isEqualTo("p: HTTP 503 for ***");
    assertThat(e.rawBody()).hasValue("{\"echo\": \"***\"}");
    assertThat(e.httpStatus()).hasValue(503);
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
    assertThat(e.getCause()).isSameAs(timeout);
  }

  @Test
  void a_final_failure_keeps_its_kind_so_a_refused_key_still_stops_its_models() {
    FinalProviderException thrown =
        new FinalProviderException(
            FinalProviderException.Kind.AUTHENTICATION,
            "p: HTTP 401: bad token " + KEY,
            OptionalInt.of(401),
            Optional.empty(),
            null);

    FinalProviderException e = redactedFailure(thrown, FinalProviderException.class);

    assertThat(e.kind()).isEqualTo(FinalProviderException.Kind.AUTHENTICATION);
    assertThat(e.getMessage()).isEqualTo("p: HTTP 401: bad token ***");
    assertThat(e.rawBody()).isEmpty();
  }
}
