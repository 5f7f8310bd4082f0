package dev.vis.engine;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.ProviderAnswer;
import dev.vis.provider.ProviderException;
import dev.vis.provider.RateLimits;
import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.BaseUrl;
import dev.vis.spec.EndpointKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What every HTTP attempt passes, retries included: the stops (a refused key stops every model on
 * it, a spent quota stops its model), the endpoint's circuit breaker, and the requests- and
 * tokens-per-minute buckets of its endpoint and model. A stopped call throws {@link
 * NotCalledException} without touching the network. Thread-safe.
 */
final class AttemptGate {
  private final Map<EndpointKey, Limits> endpointLimits;
  private final Map<String, Limits> modelLimits;
  private final Map<EndpointKey, EndpointBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<KeyAtServer, String> stoppedKeys = new ConcurrentHashMap<>();
  private final Map<String, String> stoppedModels = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Sleeper sleeper;
  // buckets are taken together or not at all, so a call never sits on one while waiting for another
  private final ReentrantLock bucketLock = new ReentrantLock();

  /**
   * @param endpointLimits rpm and tpm keyed by endpoint
   * @param modelLimits rpm and tpm keyed by model id (the model's own, on top of its endpoint's)
   */
  AttemptGate(
      Map<EndpointKey, Limits> endpointLimits,
      Map<String, Limits> modelLimits,
      Clock clock,
      Sleeper sleeper) {
    this.endpointLimits = Map.copyOf(endpointLimits);
    this.modelLimits = Map.copyOf(modelLimits);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** An endpoint's or a model's per-minute buckets; either may be absent. */
  record Limits(Optional<TokenBucket> requests, Optional<TokenBucket> tokens) {
    static Limits of(java.util.OptionalInt rpm, java.util.OptionalInt tpm, Clock clock) {
      return new Limits(
          rpm.isPresent()
              ? Optional.of(TokenBucket.perMinute(rpm.getAsInt(), clock))
              : Optional.empty(),
          tpm.isPresent()
              ? Optional.of(TokenBucket.perMinute(tpm.getAsInt(), clock))
              : Optional.empty());
    }

    boolean isEmpty() {
      return requests.isEmpty() && tokens.isEmpty();
    }

    void share(int parts) {
      requests.ifPresent(b -> b.share(parts));
      tokens.ifPresent(b -> b.share(parts));
    }
  }

  /**
   * Keeps {@code 1 / parts} of every rpm and tpm from now on: this process's share when {@code
   * parts} workers call for one run (SPEC §8).
   */
  void share(int parts) {
    endpointLimits.values().forEach(l -> l.share(parts));
    modelLimits.values().forEach(l -> l.share(parts));
  }

  /**
   * Waits until the attempt may call.
   *
   * @param estimatedTokens prompt estimate plus maximum output, taken from the token buckets now
   *     and settled with the real usage when the answer comes
   * @throws NotCalledException when the key, model or endpoint is stopped
   */
  Permit enter(ModelLane lane, long estimatedTokens) throws InterruptedException {
    throwIfStopped(lane);
    EndpointBreaker breaker = breaker(lane);
    breaker
        .refusal()
        .ifPresent(
            why -> {
              throw new NotCalledException("circuit open", why);
            });
    List<TokenBucket> requests = new ArrayList<>();
    List<TokenBucket> tokens = new ArrayList<>();
    for (Limits limits : limitsOf(lane)) {
      limits.requests().ifPresent(requests::add);
      limits.tokens().ifPresent(tokens::add);
    }
    Taken taken = new Taken(requests, tokens, estimatedTokens);
    take(taken);
    Permit permit = new Permit(lane, breaker, taken);
    try {
      throwIfStopped(lane);
      if (!breaker.tryAcquire()) {
        throw new NotCalledException("circuit open", breaker.message());
      }
    } catch (NotCalledException e) {
      permit.refund();
      throw e;
    }
    return permit;
  }

  /** What one attempt takes from the buckets: a request from each, its token estimate from each. */
  private record Taken(List<TokenBucket> requests, List<TokenBucket> tokens, long estimate) {}

  private void take(Taken taken) throws InterruptedException {
    List<TokenBucket> requests = taken.requests();
    List<TokenBucket> tokens = taken.tokens();
    long estimate = taken.estimate();
    if (requests.isEmpty() && tokens.isEmpty()) {
      return;
    }
    while (true) {
      Duration wait = Duration.ZERO;
      bucketLock.lock();
      try {
        for (TokenBucket b : requests) {
          wait = max(wait, b.waitFor(1));
        }
        for (TokenBucket b : tokens) {
          wait = max(wait, b.waitFor(estimate));
        }
        if (wait.isZero()) {
          requests.forEach(b -> b.take(1));
          tokens.forEach(b -> b.take(estimate));
          return;
        }
      } finally {
        bucketLock.unlock();
      }
      sleeper.sleep(wait);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private List<Limits> limitsOf(ModelLane lane) {
    List<Limits> list = new ArrayList<>(2);
    Optional.ofNullable(modelLimits.get(lane.model().spec().id())).ifPresent(list::add);
    Optional.ofNullable(endpointLimits.get(lane.endpoint())).ifPresent(list::add);
    return list;
  }

  private EndpointBreaker breaker(ModelLane lane) {
    return breakers.computeIfAbsent(
        lane.endpoint(), endpoint -> new EndpointBreaker(endpoint.describe(), clock));
  }

  private void throwIfStopped(ModelLane lane) {
    String keyStop = stoppedKeys.get(KeyAtServer.of(lane));
    if (keyStop != null) {
      throw new NotCalledException("authentication", keyStop);
    }
    String modelStop = stoppedModels.get(lane.model().spec().id());
    if (modelStop != null) {
      throw new NotCalledException("quota", modelStop);
    }
  }

  /**
   * Models share a key when they read the same variable and call the same base URL, whatever the
   * provider names: a refused key is refused on every endpoint that sends it to that server.
   */
  private record KeyAtServer(Optional<String> apiKeyEnv, Optional<BaseUrl> baseUrl) {
    static KeyAtServer of(ModelLane lane) {
      return new KeyAtServer(lane.endpoint().apiKeyEnv(), lane.endpoint().baseUrl());
    }
  }

  /** One attempt's hold on the gate: settled with what the provider said. */
  final class Permit {
    private final ModelLane lane;
    private final EndpointBreaker breaker;
    private final Taken taken;

    private Permit(ModelLane lane, EndpointBreaker breaker, Taken taken) {
      this.lane = lane;
      this.breaker = breaker;
      this.taken = taken;
    }

    /** Settles the token estimate with the real usage and believes the server's headers. */
    void answered(ProviderAnswer answer) {
      breaker.succeeded();
      if (answer.inputTokens().isPresent() && answer.outputTokens().isPresent()) {
        long used = answer.inputTokens().getAsLong() + answer.outputTokens().getAsLong();
        taken.tokens().forEach(b -> b.giveBack(taken.estimate() - used));
      }
      tighten(answer.rateLimits());
    }

    /** Records the failure: it may stop the key, the model or (in a row) the endpoint. */
    void failed(ProviderException e) {
      taken.tokens().forEach(b -> b.giveBack(taken.estimate()));
      String cause =
          e.httpStatus().isPresent()
              ? "HTTP " + e.httpStatus().getAsInt() + ": " + e.getMessage()
              : String.valueOf(e.getMessage());
      switch (e) {
        case FinalProviderException f
            when f.kind() == FinalProviderException.Kind.AUTHENTICATION -> {
          breaker.succeeded();
          EndpointKey endpoint = lane.endpoint();
          stoppedKeys.putIfAbsent(
              KeyAtServer.of(lane),
              "the key in "
                  + endpoint.apiKeyEnv().orElse("(no key variable)")
                  + " was refused by "
                  + endpoint.baseUrl().map(Object::toString).orElse(endpoint.providerName())
                  + " ("
                  + cause
                  + "); every model on that key stopped: fix the key, then resume");
        }
        case FinalProviderException f when f.kind() == FinalProviderException.Kind.QUOTA -> {
          breaker.succeeded();
          stoppedModels.putIfAbsent(
              lane.model().spec().id(),
              "model "
                  + lane.model().spec().id()
                  + " has no quota left ("
                  + cause
                  + "); add credit or raise the quota, then resume");
        }
        case RetryableProviderException r when isOutage(r) -> breaker.failed(cause);
        // a 429, a malformed 200 or a refused request: the endpoint is up and answering
        default -> breaker.succeeded();
      }
    }

    /** No answer, a timeout or a server error (5xx, 529): what the breaker counts. */
    private static boolean isOutage(RetryableProviderException e) {
      int status = e.httpStatus().orElse(0);
      return status == 0 || status == 408 || status >= 500;
    }

    /** Gives everything back: the attempt never called. */
    void refund() {
      taken.requests().forEach(b -> b.giveBack(1));
      taken.tokens().forEach(b -> b.giveBack(taken.estimate()));
    }

    private void tighten(RateLimits limits) {
      if (limits.isEmpty()) {
        return;
      }
      Limits own = modelLimits.get(lane.model().spec().id());
      Limits shared = endpointLimits.get(lane.endpoint());
      tighten(
          mostSpecific(own, shared, Limits::requests),
          limits.requestsRemaining(),
          limits.requestsReset());
      tighten(
          mostSpecific(own, shared, Limits::tokens),
          limits.tokensRemaining(),
          limits.tokensReset());
    }

    /** The model's own bucket, else the endpoint's: OpenAI and Anthropic count limits per model. */
    private static Optional<TokenBucket> mostSpecific(
        Limits own, Limits shared, Function<Limits, Optional<TokenBucket>> kind) {
      return Optional.ofNullable(own)
          .flatMap(kind)
          .or(() -> Optional.ofNullable(shared).flatMap(kind));
    }

    private static void tighten(
        Optional<TokenBucket> bucket, OptionalLong remaining, Optional<Duration> reset) {
      if (remaining.isPresent()) {
        bucket.ifPresent(b -> b.tighten(remaining.getAsLong(), reset.orElse(Duration.ZERO)));
      }
    }
  }
}
