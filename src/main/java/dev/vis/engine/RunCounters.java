package dev.vis.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** Live counts of a run's progress, shared by its tasks; thread-safe. */
final class RunCounters {
  final AtomicLong ok = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong calls = new AtomicLong();
  final AtomicLong retryingNow = new AtomicLong();
  final DoubleAdder costUsd = new DoubleAdder();
  final Map<String, Group> failureReasons = new ConcurrentHashMap<>();

  /** Counts a failed task under its cause; the first message of a cause is kept as its example. */
  void failed(String cause, String message) {
    failed.incrementAndGet();
    failureReasons.computeIfAbsent(cause, r -> new Group(message)).count.incrementAndGet();
  }

  ProgressSnapshot snapshot() {
    return new ProgressSnapshot(
        ok.get(),
        failed.get(),
        retries.get(),
        retryingNow.get(),
        calls.get(),
        BigDecimal.valueOf(costUsd.sum()));
  }

  Map<String, FailureGroup> failureGroups() {
    Map<String, FailureGroup> copy = new LinkedHashMap<>();
    failureReasons.forEach((k, v) -> copy.put(k, new FailureGroup(v.count.get(), v.example)));
    return copy;
  }

  /** One cause's count and example. */
  static final class Group {
    final AtomicLong count = new AtomicLong();
    final String example;

    Group(String example) {
      this.example = example;
    }
  }
}
