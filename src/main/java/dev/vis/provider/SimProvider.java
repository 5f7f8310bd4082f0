package dev.vis.provider;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.SimSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The built-in simulated model: no network, answers built from the spec's brands, each brand named
 * with its planted probability ({@link SimSpec#mentionRate()}, default 0.5), and token usage like a
 * real provider's.
 *
 * <p>The answer to one (seed, model, prompt id, sample) is always the same, on any JVM. An optional
 * latency, spent through an injected {@link Sleeper}, lets benchmarks stand it in for a slow
 * provider. Immutable and thread-safe.
 */
public final class SimProvider implements Provider {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Waits on behalf of a simulated call; tests inject one that returns at once. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, on the calling (virtual) thread. */
    static Sleeper system() {
      return Thread::sleep;
    }
  }

  private final long seed;
  private final SimAnswerWriter writer;
  private final Duration latency;
  private final Sleeper sleeper;

  /** A simulated model that answers at once. */
  public SimProvider(SimSpec sim, List<BrandSpec> brands) {
    this(sim, brands, Duration.ZERO, Sleeper.system());
  }

  /** A simulated model that takes {@code latency} to answer each call. */
  public SimProvider(SimSpec sim, List<BrandSpec> brands, Duration latency, Sleeper sleeper) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.seed = sim.seed();
    this.writer = new SimAnswerWriter(brands, sim.mentionRate());
    this.latency = latency;
    this.sleeper = sleeper;
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws RetryableProviderException, InterruptedException {
    simulateLatency(request.timeout());
    long key = key(seed, request.model(), request.promptId(), request.sample());
    String text = writer.write(request.prompt(), new SplittableRandom(key));
    String id = "chatcmpl-sim-" + HexFormat.of().toHexDigits(key);
    long input =
        (request.prompt().length() + request.system().map(String::length).orElse(0)) / 4 + 10;
    long output = Math.max(1, text.length() / 4);
    return new ProviderAnswer(
        text,
        rawBody(id, request.model(), text, input, output),
        200,
        OptionalLong.of(input),
        OptionalLong.of(output),
        Optional.of("stop"),
        Optional.of(id),
        Optional.of(request.model()),
        List.of(),
        false,
        0,
        RateLimits.none());
  }

  private void simulateLatency(Duration timeout)
      throws RetryableProviderException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    if (latency.isZero()) {
      return;
    }
    if (latency.compareTo(timeout) > 0) {
      sleeper.sleep(timeout);
      throw new RetryableProviderException(
          "sim: no answer within " + timeout.toMillis() + "ms (per-attempt timeout)",
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty(),
          null);
    }
    sleeper.sleep(latency);
  }

  /** A stable 64-bit key of one answer: FNV-1a over the parts, so it never depends on the JVM. */
  static long key(long seed, String model, String promptId, int sample) {
    long h = FNV_OFFSET;
    String joined = seed + "\u0000" + model + "\u0000" + promptId + "\u0000" + sample;
    for (byte b : joined.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  private static String rawBody(String id, String model, String text, long input, long output) {
    return ProviderJson.object(
        json -> {
          json.writeStringField("id", id);
          json.writeStringField("object", "chat.completion");
          json.writeNumberField("created", 0);
          json.writeStringField("model", model);
          json.writeArrayFieldStart("choices");
          json.writeStartObject();
          json.writeNumberField("index", 0);
          json.writeObjectFieldStart("message");
          json.writeStringField("role", "assistant");
          json.writeStringField("content", text);
          json.writeNullField("refusal");
          json.writeEndObject();
          json.writeStringField("finish_reason", "stop");
          json.writeEndObject();
          json.writeEndArray();
          json.writeObjectFieldStart("usage");
          json.writeNumberField("prompt_tokens", input);
          json.writeNumberField("completion_tokens", output);
          json.writeNumberField("total_tokens", input + output);
          json.writeEndObject();
          json.writeStringField("system_fingerprint", "vis-sim");
        });
  }
}
