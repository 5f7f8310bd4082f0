package dev.vis.provider;

/**
 * One model endpoint speaking one wire format.
 *
 * <p>A call makes exactly one HTTP request (or none, for {@code sim}): retries belong to the
 * engine's Failsafe policy, never to the provider or its HTTP client. The provider turns every
 * failure into a {@link ProviderException} subtype that says whether another attempt may succeed.
 *
 * <p>Implementations are thread-safe: the engine calls one instance from many virtual threads.
 */
public interface Provider {

  /**
   * Asks the model one question.
   *
   * @return the answer; a refused or filtered answer is still an answer (empty or refusal text)
   * @throws ProviderException when no usable answer came back
   * @throws InterruptedException when the calling thread is interrupted (run cancelled)
   */
  ProviderAnswer call(ProviderRequest request) throws ProviderException, InterruptedException;
}
