package dev.vis.engine;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.Provider;
import dev.vis.provider.ProviderAnswer;
import dev.vis.provider.ProviderCitation;
import dev.vis.provider.ProviderException;
import dev.vis.provider.ProviderRequest;
import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.Secrets;

/**
 * The border where a provider's answers and failures enter the engine: every secret in them (a key
 * echoed in an answer, an error message or a raw body) is blanked here, so the writer, the attempt
 * records, the {@code --log-json} listener, the analysis and the summary only ever see the redacted
 * text. Thread-safe when the provider is.
 */
final class RedactingProvider implements Provider {
  private final Provider provider;
  private final Secrets secrets;

  RedactingProvider(Provider provider, Secrets secrets) {
    this.provider = provider;
    this.secrets = secrets;
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    ProviderAnswer answer;
    try {
      answer = provider.call(request);
    } catch (ProviderException e) {
      throw redacted(e);
    }
    if (secrets.isEmpty()) {
      return answer;
    }
    return new ProviderAnswer(
        secrets.redact(answer.text()),
        secrets.redact(answer.rawBody()),
        answer.httpStatus(),
        answer.inputTokens(),
        answer.outputTokens(),
        answer.finishReason().map(secrets::redact),
        answer.requestId().map(secrets::redact),
        answer.servedModel().map(secrets::redact),
        answer.citations().stream()
            .map(
                c ->
                    new ProviderCitation(
                        secrets.redact(c.url()), c.title().map(secrets::redact), c.cited()))
            .toList(),
        answer.grounded(),
        answer.searches(),
        answer.rateLimits());
  }

  /** The same failure with its message and raw body redacted; the cause stays for its type. */
  private ProviderException redacted(ProviderException e) {
    if (secrets.isEmpty()) {
      return e;
    }
    String message = e.getMessage() == null ? null : secrets.redact(e.getMessage());
    var body = e.rawBody().map(secrets::redact);
    ProviderException copy =
        switch (e) {
          case RetryableProviderException r ->
              new RetryableProviderException(
                  message, r.httpStatus(), body, r.retryAfter(), r.getCause());
          case FinalProviderException f ->
              new FinalProviderException(f.kind(), message, f.httpStatus(), body, f.getCause());
        };
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
