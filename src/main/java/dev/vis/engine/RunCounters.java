package dev.vis.engine;

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
  final DoubleAdder costUsd = new DoubleAdder();
  final Map<String, AtomicLong> failureReasons = new ConcurrentHashMap<>();

  void failed(String reason) {
    failed.incrementAndGet();
    failureReasons.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
  }
}
