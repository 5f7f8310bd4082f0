package dev.vis.engine;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.Secrets;
import dev.vis.store.PendingTask;
import dev.vis.store.Store;
import dev.vis.store.StoredRun;
import dev.vis.store.TaskOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Works the pending tasks of one run: every call forked in one {@link TaskScope}, passing the
 * {@link CallGate}s, retried by Failsafe, its outcome committed by the single {@link AnswerWriter}.
 */
public final class RunEngine {
  private final Store store;
  private final ProviderFactory providers;
  private final RunContext context;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile TaskScope scope;

  public RunEngine(
      Store store, ProviderFactory providers, Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this(
        store,
        providers,
        new RunContext(clock, sleeper, random, AttemptListener.NONE, new Secrets()));
  }

  RunEngine(Store store, ProviderFactory providers, RunContext context) {
    this.store = store;
    this.providers = providers;
    this.context = context;
  }

  /** Stops scheduling and cancels the calls in flight; their tasks stay pending. */
  public void interrupt() {
    interrupt(Duration.ZERO);
  }

  /**
   * Stops scheduling at once and lets the calls in flight end for up to {@code grace} (waited out
   * by the sleeper), then cancels those still running (their tasks stay pending). What arrived is
   * committed either way.
   */
  public void interrupt(Duration grace) {
    stopRequested.set(true);
    if (grace.isZero() || grace.isNegative()) {
      cancelScope();
      return;
    }
    Thread.ofVirtual()
        .name("vis-drain")
        .start(
            () -> {
              try {
                context.sleeper().sleep(grace);
              } catch (InterruptedException e) {
                return;
              }
              cancelScope();
            });
  }

  private void cancelScope() {
    TaskScope current = scope;
    if (current != null) {
      current.cancel();
    }
  }

  /**
   * Calls every given task of the run, in order, until all have an outcome or the run is
   * interrupted.
   *
   * @param concurrency calls in flight in all
   * @param progress told after every outcome
   */
  @SuppressWarnings(
      "try") // the writer is closed early on purpose: to flush before reading its failure
  public RunOutcome execute(
      StoredRun run, List<PendingTask> tasks, int concurrency, Progress progress) {
    return execute(run, tasks, tasks.size(), concurrency, progress, RunShare.ALONE);
  }

  /**
   * Calls tasks as {@code tasks} yields them (a worker's leased batches: its iterator may wait for
   * room), until it has no more or the run is interrupted.
   *
   * @param total how many tasks progress counts towards
   * @param share what the run's other workers share with this one
   */
  @SuppressWarnings("try") // as above
  RunOutcome execute(
      StoredRun run,
      Iterable<PendingTask> tasks,
      long total,
      int concurrency,
      Progress progress,
      RunShare share) {
    RunSpec spec = run.spec();
    String runId = run.summary().id();
    Map<String, PromptSpec> prompts = new HashMap<>();
    spec.prompts().forEach(p -> prompts.put(p.id(), p));
    RunLanes runLanes = RunLanes.of(run, providers, context.secrets(), context.clock());
    Map<String, ModelLane> lanes = runLanes.lanes();
    RunCounters counters = new RunCounters();
    BigDecimal spentBefore = run.summary().costUsd();
    Optional<BudgetGate> budget =
        spec.budget()
            .map(
                b ->
                    share
                        .ledger(b.maxUsd(), counters.costUsd::sum)
                        .map(ledger -> new BudgetGate(b.maxUsd(), ledger, share::budgetStopped))
                        .orElseGet(
                            () -> new BudgetGate(b.maxUsd(), spentBefore, counters.costUsd::sum)));
    // concurrency first: a call waiting for a slot holds no share of the budget
    Gates gate =
        new Gates(
            runLanes.concurrencyGate(concurrency),
            new GateChain(budget.<List<CallGate>>map(List::of).orElse(List.of())));
    AttemptGate attemptGate = runLanes.attemptGate(context.clock(), context.sleeper());
    share.limits(attemptGate);
    TaskCaller caller =
        new TaskCaller(
            spec.retry(),
            spec.timeout(),
            new AnswerAnalyzer(spec.brands()),
            counters,
            attemptGate,
            runId,
            context);
    long started = System.nanoTime();
    AtomicBoolean writeFailed = new AtomicBoolean();
    AtomicReference<OutOfMemoryError> outOfMemory = new AtomicReference<>();
    long forked = 0;
    try (AnswerWriter writer =
            new AnswerWriter(
                store,
                runId,
                context.clock(),
                new AnswerWriter.Listener() {
                  @Override
                  public void failed(RuntimeException failure) {
                    writeFailed.set(true);
                    interrupt();
                  }

                  @Override
                  public void committed(int count) {
                    share.finished(count);
                  }
                });
        TaskScope taskScope = new TaskScope("vis-call")) {
      scope = taskScope;
      progress.begin(total);
      if (stopRequested.get()) {
        taskScope.cancel();
      }
      for (PendingTask task : tasks) {
        if (stopRequested.get()) {
          break;
        }
        forked++;
        ModelLane lane = lanes.get(task.modelId());
        PromptSpec prompt = prompts.get(task.promptId());
        taskScope.fork(
            () -> {
              boolean submitted = false;
              try {
                submitted = callOne(task, prompt, lane, gate, caller, writer);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (OutOfMemoryError e) {
                // stop the run cleanly: what was committed stays, the rest stays pending
                outOfMemory.compareAndSet(null, e);
                interrupt();
              } finally {
                if (!submitted) {
                  share.finished(1);
                }
                progress.update(counters.snapshot());
              }
            });
      }
      try {
        taskScope.join();
      } catch (InterruptedException e) {
        interrupt();
        Thread.currentThread().interrupt();
      }
      writer.close();
      if (outOfMemory.get() != null) {
        throw new OutOfMemoryStop(outOfMemory.get());
      }
      if (writeFailed.get()) {
        RuntimeException cause = writer.failure().orElseThrow();
        if (cause instanceof VisException v) {
          throw v;
        }
        throw new VisException(
            ExitCode.FAILED, "could not store answers: " + cause.getMessage(), cause);
      }
    } finally {
      scope = null;
    }
    long never =
        (tasks instanceof Collection<?> c ? c.size() : forked)
            - counters.ok.get()
            - counters.failed.get();
    return new RunOutcome(
        runId,
        counters.ok.get(),
        counters.failed.get(),
        never,
        counters.calls.get(),
        counters.retries.get(),
        BigDecimal.valueOf(counters.costUsd.sum()),
        Duration.ofNanos(System.nanoTime() - started),
        counters.failureGroups(),
        stopRequested.get(),
        budget
            .filter(BudgetGate::stopped)
            .map(b -> b.stop(spentBefore.add(BigDecimal.valueOf(counters.costUsd.sum())))));
  }

  /** The gates a call passes once: its concurrency slot, then the others (the budget). */
  private record Gates(CallGate concurrency, CallGate others) {}

  /** Calls one task; whether its outcome went to the writer. */
  private boolean callOne(
      PendingTask task,
      PromptSpec prompt,
      ModelLane lane,
      Gates gates,
      TaskCaller caller,
      AnswerWriter writer)
      throws InterruptedException {
    CallEstimate estimate = CallEstimate.of(prompt, lane);
    CallTicket ticket =
        new CallTicket(
            task.id(), lane.endpoint(), task.modelId(), estimate.tokens(), estimate.usdOrZero());
    Supplier<TaskOutcome> settle;
    try (CallSlot slot = CallSlot.enter(gates.concurrency(), ticket);
        CallGate.Pass pass = gates.others().enter(ticket)) {
      if (pass == CallGate.Pass.REFUSED || stopRequested.get()) {
        return false;
      }
      settle = caller.call(task, prompt, lane, slot);
    }
    writer.submit(settle.get());
    return true;
  }

  /** Receives progress counts; called from many threads. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = counts -> {};

    /** Told once before the first call: how many tasks this session will work. */
    default void begin(long tasks) {}

    /** Told after every task's outcome (and when a call is given up on). */
    void update(ProgressSnapshot counts);
  }
}
