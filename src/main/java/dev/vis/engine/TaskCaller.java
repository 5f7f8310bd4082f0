package dev.vis.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.analysis.SourceRef;
import dev.vis.provider.ProviderAnswer;
import dev.vis.provider.ProviderException;
import dev.vis.provider.ProviderRequest;
import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RetrySpec;
import dev.vis.spec.Secrets;
import dev.vis.store.AnswerRecord;
import dev.vis.store.AttemptOutcome;
import dev.vis.store.AttemptRecord;
import dev.vis.store.PendingTask;
import dev.vis.store.TaskOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Calls one task's model under the retry policy, records every attempt, analyses the answer and
 * hands the outcome to the writer. Thread-safe: one instance serves every task of a run.
 */
final class TaskCaller {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final RetrySpec retry;
  private final Duration timeout;
  private final RetryDelays delays;
  private final Sleeper sleeper;
  private final FailsafeExecutor<ProviderAnswer> failsafe;
  private final AnswerAnalyzer analyzer;
  private final Clock clock;
  private final RunCounters counters;
  private final AttemptGate attemptGate;
  private final String runId;
  private final AttemptListener listener;
  private final Secrets secrets;

  /**
   * @param context its random draws the jitter of retry delays
   */
  TaskCaller(
      RetrySpec retry,
      Duration timeout,
      AnswerAnalyzer analyzer,
      RunCounters counters,
      AttemptGate attemptGate,
      String runId,
      RunContext context) {
    this.retry = retry;
    this.timeout = timeout;
    this.analyzer = analyzer;
    this.counters = counters;
    this.attemptGate = attemptGate;
    this.runId = runId;
    this.delays = new RetryDelays(retry, context.random());
    this.sleeper = context.sleeper();
    this.clock = context.clock();
    this.listener = context.attempts();
    this.secrets = context.secrets();
    RetryPolicy<ProviderAnswer> policy =
        RetryPolicy.<ProviderAnswer>builder()
            .handle(RetryableProviderException.class)
            .abortIf((answer, failure) -> delays.tooLong(failure))
            .withMaxAttempts(retry.maxAttempts())
            // no delay of Failsafe's own: the attempt waits it out, its concurrency slot given back
            .onRetry(e -> counters.retries.incrementAndGet())
            .build();
    this.failsafe = Failsafe.with(policy).with(new VirtualThreadScheduler(sleeper));
  }

  /**
   * Calls the model and returns how to settle the outcome: the analysis of an answer runs when the
   * supplier is asked, after the caller has given back its concurrency permit, so CPU work never
   * holds a slot a waiting call could use.
   *
   * @param slot the call's concurrency slot, given back while it waits to retry
   * @throws InterruptedException when the run is cancelled midway (the task stays pending)
   */
  Supplier<TaskOutcome> call(PendingTask task, PromptSpec prompt, ModelLane lane, CallSlot slot)
      throws InterruptedException {
    ModelSpec model = lane.model().spec();
    ProviderRequest request =
        new ProviderRequest(
            model.model(),
            prompt.text(),
            model.system(),
            model.temperature(),
            model.maxTokens(),
            model.webSearch(),
            timeout,
            task.sample(),
            prompt.id());
    List<AttemptRecord> attempts = Collections.synchronizedList(new ArrayList<>());
    long estimate = CallEstimate.of(prompt, lane).tokens();
    RetryDelays.Waits waits = delays.waits();
    CompletableFuture<ProviderAnswer> future =
        failsafe.getAsync(
            ctx -> {
              if (!ctx.isFirstAttempt()) {
                waitToRetry(waits.next(ctx.getLastException()), slot);
              }
              return attempt(
                  task, lane, request, estimate, task.attempts() + attempts.size() + 1, attempts);
            });
    try {
      ProviderAnswer answer = future.get();
      List<AttemptRecord> made = List.copyOf(attempts);
      // counted before the caller gives back its gate pass, so the budget never misses it
      Optional<BigDecimal> cost = AnswerRecords.cost(lane, answer);
      cost.ifPresent(c -> counters.costUsd.add(c.doubleValue()));
      return () -> answered(task, lane, answer, cost, made);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException || cause instanceof CancellationException) {
        throw new InterruptedException("cancelled");
      }
      // a provider's answers and failures come redacted; anything else it threw may not
      String reason = secrets.redact(reason(cause, attempts.size()));
      counters.failed(FailureCause.of(cause, delays.tooLong(cause)), reason);
      TaskOutcome failed = new TaskOutcome.Failed(task.id(), List.copyOf(attempts), reason);
      return () -> failed;
    } finally {
      if (firstFailedRetryably(attempts)) {
        counters.retryingNow.decrementAndGet();
      }
    }
  }

  private static boolean firstFailedRetryably(List<AttemptRecord> attempts) {
    synchronized (attempts) {
      return !attempts.isEmpty() && attempts.getFirst().outcome() == AttemptOutcome.RETRYABLE;
    }
  }

  /** Sleeps out the retry delay without holding a concurrency slot, then waits for one again. */
  private void waitToRetry(Duration delay, CallSlot slot) throws InterruptedException {
    slot.leave();
    sleeper.sleep(delay);
    slot.reenter();
  }

  private ProviderAnswer attempt(
      PendingTask task,
      ModelLane lane,
      ProviderRequest request,
      long estimate,
      int number,
      List<AttemptRecord> attempts)
      throws ProviderException, InterruptedException {
    AttemptGate.Permit permit = attemptGate.enter(lane, estimate);
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    counters.calls.incrementAndGet();
    try {
      ProviderAnswer answer = lane.provider().call(request);
      permit.answered(answer);
      AttemptRecord record =
          new AttemptRecord(
              number,
              started,
              elapsedMs(t0),
              OptionalInt.of(answer.httpStatus()),
              AttemptOutcome.OK,
              Optional.empty(),
              Optional.empty());
      attempts.add(record);
      tell(
          task,
          lane,
          record,
          answer.inputTokens(),
          answer.outputTokens(),
          AnswerRecords.cost(lane, answer));
      return answer;
    } catch (ProviderException e) {
      permit.failed(e);
      boolean retryable = e instanceof RetryableProviderException;
      AttemptRecord record =
          new AttemptRecord(
              number,
              started,
              elapsedMs(t0),
              e.httpStatus(),
              retryable ? AttemptOutcome.RETRYABLE : AttemptOutcome.FINAL,
              Optional.ofNullable(e.getMessage()),
              e.rawBody().map(TaskCaller::capped));
      attempts.add(record);
      if (retryable && attempts.size() == 1) {
        counters.retryingNow.incrementAndGet();
      }
      tell(task, lane, record, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
      throw e;
    }
  }

  private void tell(
      PendingTask task,
      ModelLane lane,
      AttemptRecord record,
      OptionalLong inputTokens,
      OptionalLong outputTokens,
      Optional<BigDecimal> cost) {
    listener.attemptEnded(
        new AttemptEvent(
            runId,
            task.id(),
            task.promptId(),
            task.modelId(),
            lane.providerName(),
            lane.model().spec().model(),
            task.sample(),
            record,
            inputTokens,
            outputTokens,
            cost));
  }

  private TaskOutcome answered(
      PendingTask task,
      ModelLane lane,
      ProviderAnswer answer,
      Optional<BigDecimal> cost,
      List<AttemptRecord> attempts) {
    List<SourceRef> sources = AnswerRecords.sources(answer);
    AnswerAnalysis analysis = analyzer.analyze(answer.text(), sources);
    counters.ok.incrementAndGet();
    long latency = attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).latencyMs();
    AnswerRecord record =
        AnswerRecords.record(answer, sources, cost, lane.price(), latency, clock.instant());
    return new TaskOutcome.Answered(task.id(), List.copyOf(attempts), record, analysis);
  }

  private String reason(Throwable cause, int attempts) {
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof RetryableProviderException r && delays.tooLong(r)) {
      return "server asked to wait "
          + RetryDelays.serverDelay(r).orElseThrow().toSeconds()
          + " s, longer than retry.max_delay ("
          + retry.maxDelay().toSeconds()
          + " s); resume later: "
          + message;
    }
    if (cause instanceof RetryableProviderException) {
      return "gave up after " + attempts + " attempts: " + message;
    }
    return message;
  }

  private static long elapsedMs(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static String capped(String body) {
    return body.length() <= MAX_ERROR_BODY ? body : body.substring(0, MAX_ERROR_BODY);
  }
}
