package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.provider.FinalProviderException;
import dev.vis.provider.Provider;
import dev.vis.provider.ProviderException;
import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RetrySpec;
import dev.vis.spec.Secrets;
import dev.vis.store.AttemptRecord;
import dev.vis.store.PendingTask;
import dev.vis.store.StoredRun;
import dev.vis.store.TaskOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCallerTest {
  static final RetrySpec RETRY = new RetrySpec(3, Duration.ofSeconds(1), Duration.ofSeconds(60));

  @TempDir Path dir;
  EngineFixture fixture;
  EngineFixture.RecordingSleeper sleeper;
  RunCounters counters;
  List<AttemptEvent> told;
  StoredRun run;
  PendingTask task;
  PromptSpec prompt;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture(dir);
    sleeper = new EngineFixture.RecordingSleeper(fixture.clock);
    counters = new RunCounters();
    told = Collections.synchronizedList(new ArrayList<>());
    run = fixture.newRun();
    task = fixture.store.unfinishedTasks(run.summary().id()).getFirst();
    prompt =
        run.spec().prompts().stream().filter(p -> p.id().equals(task.promptId())).findFirst().get();
  }

  private TaskOutcome call(Provider provider) throws InterruptedException {
    ConcurrencyGate oneCall = new ConcurrencyGate(1, Map.of(), Map.of());
    try (CallSlot slot = CallSlot.enter(oneCall, ticket(provider))) {
      return call(provider, sleeper, slot);
    }
  }

  private ModelLane lane(Provider provider) {
    return new ModelLane(
        run.models().stream().filter(m -> m.spec().id().equals(task.modelId())).findFirst().get(),
        provider);
  }

  private CallTicket ticket(Provider provider) {
    return new CallTicket(task.id(), lane(provider).endpoint(), task.modelId(), 100, 0);
  }

  private TaskOutcome call(Provider provider, Sleeper sleeps, CallSlot slot)
      throws InterruptedException {
    ModelLane lane = lane(provider);
    TaskCaller caller =
        new TaskCaller(
            RETRY,
            Duration.ofSeconds(30),
            new AnswerAnalyzer(run.spec().brands()),
            counters,
            new AttemptGate(Map.of(), Map.of(), fixture.clock, sleeps),
            run.summary().id(),
            new RunContext(fixture.clock, sleeps, () -> 0.0, told::add, new Secrets()));
    return caller.call(task, prompt, lane, slot).get();
  }

  /** Another task's ticket for the same model. */
  private CallTicket other(Provider provider) {
    CallTicket mine = ticket(provider);
    return new CallTicket(mine.taskId() + 1, mine.endpoint(), mine.modelId(), 100, 0);
  }

  /** Whether a call could take a slot of {@code gate} within seconds (it gives it back at once). */
  private static boolean anotherCallGetsIn(ConcurrencyGate gate, CallTicket ticket)
      throws InterruptedException {
    Thread other =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    gate.enter(ticket).close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    return other.join(Duration.ofSeconds(10));
  }

  @Test
  void a_call_waiting_to_retry_gives_its_concurrency_slot_to_the_calls_behind_it()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Provider limitedOnce =
        request -> {
          if (calls.incrementAndGet() == 1) {
            throw rateLimited(Duration.ofSeconds(1));
          }
          return EngineFixture.answer("Acme CRM is best.");
        };
    ConcurrencyGate oneCall = new ConcurrencyGate(1, Map.of(), Map.of());
    List<Boolean> gotInWhileWaiting = Collections.synchronizedList(new ArrayList<>());
    Sleeper letsAnotherCallIn =
        duration -> {
          sleeper.sleep(duration);
          gotInWhileWaiting.add(anotherCallGetsIn(oneCall, other(limitedOnce)));
        };

    TaskOutcome outcome;
    try (CallSlot slot = CallSlot.enter(oneCall, ticket(limitedOnce))) {
      assertThat(anotherCallGetsIn(oneCall, other(limitedOnce)))
          .as("the slot is held while calling")
          .isFalse();
      outcome = call(limitedOnce, letsAnotherCallIn, slot);
    }

    assertThat(outcome).isInstanceOf(TaskOutcome.Answered.class);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    assertThat(gotInWhileWaiting).containsExactly(true);
    assertThat(anotherCallGetsIn(oneCall, other(limitedOnce)))
        .as("the slot is given back once the call ends")
        .isTrue();
  }

  @Test
  void a_call_cancelled_while_waiting_to_reenter_stops_and_leaves_its_slot_free() throws Exception {
    Provider limited =
        request -> {
          throw rateLimited(Duration.ofSeconds(1));
        };
    ConcurrencyGate oneCall = new ConcurrencyGate(1, Map.of(), Map.of());
    CompletableFuture<CallGate.Pass> otherCall = new CompletableFuture<>();
    Sleeper anotherCallTakesTheSlot =
        duration -> {
          sleeper.sleep(duration);
          otherCall.complete(oneCall.enter(other(limited)));
        };
    CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (CallSlot slot = CallSlot.enter(oneCall, ticket(limited))) {
                    call(limited, anotherCallTakesTheSlot, slot);
                    stopped.complete(null);
                  } catch (Throwable e) {
                    stopped.complete(e);
                  }
                });
    CallGate.Pass other = otherCall.get(10, TimeUnit.SECONDS);

    caller.interrupt();
    assertThat(stopped.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(outcomesTold()).containsExactly("1:retryable");
    other.close();
    assertThat(anotherCallGetsIn(oneCall, other(limited))).as("the slot is free again").isTrue();
  }

  private List<String> outcomesTold() {
    return told.stream()
        .map(e -> e.attempt().attempt() + ":" + e.attempt().outcome().value())
        .toList();
  }

  private static RetryableProviderException rateLimited(Duration retryAfter) {
    return new RetryableProviderException(
        "rate limited",
        OptionalInt.of(429),
        Optional.of("slow down"),
        Optional.of(retryAfter),
        null);
  }

  /** A provider that counts its calls and fails each one with a new {@code failure}. */
  private static Provider failingEveryCall(
      AtomicInteger calls, Supplier<? extends ProviderException> failure) {
    return request -> {
      calls.incrementAndGet();
      throw failure.get();
    };
  }

  private static List<String> outcomes(TaskOutcome outcome) {
    List<AttemptRecord> attempts =
        switch (outcome) {
          case TaskOutcome.Answered a -> a.attempts();
          case TaskOutcome.Failed f -> f.attempts();
          case TaskOutcome.Analysed a -> List.of();
        };
    return attempts.stream().map(a -> a.attempt() + ":" + a.outcome().value()).toList();
  }

  @Test
  void retries_a_retryable_failure_after_the_delay_it_asks_for_and_records_every_attempt()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TaskOutcome outcome =
        call(
            request -> {
              if (calls.incrementAndGet() < 3) {
                throw rateLimited(Duration.ofSeconds(7));
              }
              return EngineFixture.answer("Acme CRM is best.");
            });

    assertThat(outcome).isInstanceOf(TaskOutcome.Answered.class);
    assertThat(calls).hasValue(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(outcomes(outcome)).containsExactly("1:retryable", "2:retryable", "3:ok");
    assertThat(told).hasSize(3);
    assertThat(counters.retries).hasValue(2);
    assertThat(counters.retryingNow).as("no longer retrying").hasValue(0);
    assertThat(((TaskOutcome.Answered) outcome).analysis().mentions()).isNotEmpty();
  }

  @Test
  void a_backoff_after_a_server_delay_starts_from_the_initial_delay() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TaskOutcome outcome =
        call(
            request ->
                switch (calls.incrementAndGet()) {
                  case 1 -> throw rateLimited(Duration.ofSeconds(1));
                  case 2 -> throw serverError();
                  default -> EngineFixture.answer("Acme CRM is best.");
                });

    assertThat(outcomes(outcome)).containsExactly("1:retryable", "2:retryable", "3:ok");
    assertThat(sleeper.waits)
        .as("the server's second, then the first backoff step with the least jitter")
        .containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  private static RetryableProviderException serverError() {
    return new RetryableProviderException(
        "HTTP 500", OptionalInt.of(500), Optional.empty(), Optional.empty(), null);
  }

  @Test
  void gives_up_after_max_attempts_with_every_attempt_recorded() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TaskOutcome outcome = call(failingEveryCall(calls, () -> rateLimited(Duration.ofSeconds(2))));

    assertThat(calls).hasValue(RETRY.maxAttempts());
    assertThat(outcome).isInstanceOf(TaskOutcome.Failed.class);
    assertThat(((TaskOutcome.Failed) outcome).error()).startsWith("gave up after 3 attempts");
    assertThat(outcomes(outcome)).containsExactly("1:retryable", "2:retryable", "3:retryable");
    assertThat(counters.failed).hasValue(1);
  }

  @Test
  void a_final_failure_is_not_retried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TaskOutcome outcome =
        call(
            failingEveryCall(
                calls,
                () ->
                    new FinalProviderException(
                        FinalProviderException.Kind.REQUEST,
                        "unknown model",
                        OptionalInt.of(400),
                        Optional.empty(),
                        null)));

    assertThat(calls).hasValue(1);
    assertThat(sleeper.waits).isEmpty();
    assertThat(outcomes(outcome)).containsExactly("1:final");
    assertThat(((TaskOutcome.Failed) outcome).error()).isEqualTo("unknown model");
  }

  @Test
  void a_server_delay_longer_than_max_delay_fails_the_task_without_waiting() throws Exception {
    TaskOutcome outcome =
        call(
            request -> {
              throw rateLimited(Duration.ofSeconds(600));
            });

    assertThat(sleeper.waits).isEmpty();
    assertThat(outcomes(outcome)).containsExactly("1:retryable");
    assertThat(((TaskOutcome.Failed) outcome).error())
        .startsWith("server asked to wait 600 s, longer than retry.max_delay (60 s)");
  }
}
