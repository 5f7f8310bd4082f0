package dev.vis.engine;

import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.store.StoredAnswer;
import dev.vis.store.TaskOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A replay's analysis on every core: the thread that reads the stored answers hands them in, a
 * fixed pool analyses them a chunk at a time, and their analyses come back on the reading thread in
 * the order the answers went in, gathered into the large batches the store writes in one
 * transaction each. The reading thread keeps a bounded number of chunks ahead, so memory stays flat
 * whatever the run's size.
 *
 * <p>Not thread-safe: one thread adds answers and receives the batches; only the analysis runs on
 * the pool's threads (an {@link AnswerAnalyzer} is safe to share).
 */
final class ReplayAnalysis implements AutoCloseable {
  /** Answers analysed as one piece of work: the hand-over costs little beside them. */
  static final int CHUNK = 500;

  /** Analyses written in one transaction (at least): few commits, and still a short hold. */
  static final int BATCH = 10_000;

  private final AnswerAnalyzer analyzer;
  private final Consumer<List<TaskOutcome.Analysed>> batches;
  private final ExecutorService pool;
  private final int chunkSize;
  private final int batchSize;
  private final int ahead;
  private final Deque<Future<List<TaskOutcome.Analysed>>> inFlight = new ArrayDeque<>();
  private List<StoredAnswer> chunk = new ArrayList<>();
  private List<TaskOutcome.Analysed> batch = new ArrayList<>();
  private long analysed;

  /**
   * @param threads how many threads analyse at once
   * @param batches receives the analyses in order, on the thread that adds the answers, in batches
   *     of whole chunks that hold at least {@link #BATCH} analyses (all but the last)
   */
  ReplayAnalysis(
      AnswerAnalyzer analyzer, int threads, Consumer<List<TaskOutcome.Analysed>> batches) {
    this(analyzer, threads, CHUNK, BATCH, batches);
  }

  /** As above, with other chunk and batch sizes (tests cross their edges with a few answers). */
  ReplayAnalysis(
      AnswerAnalyzer analyzer,
      int threads,
      int chunkSize,
      int batchSize,
      Consumer<List<TaskOutcome.Analysed>> batches) {
    this.analyzer = analyzer;
    this.batches = batches;
    this.chunkSize = chunkSize;
    this.batchSize = batchSize;
    this.pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name("vis-replay-", 1).factory());
    // enough chunks queued that every thread still has work while the reading thread writes
    this.ahead = 4 * threads;
  }

  /** Takes the next stored answer; may first hand finished analyses on, writing a batch. */
  void add(StoredAnswer answer) {
    chunk.add(answer);
    if (chunk.size() == chunkSize) {
      submit();
      while (inFlight.size() > ahead) {
        collect();
      }
    }
  }

  /**
   * Waits for every analysis and hands on the last batch.
   *
   * @return how many answers were analysed
   */
  long finish() {
    if (!chunk.isEmpty()) {
      submit();
    }
    while (!inFlight.isEmpty()) {
      collect();
    }
    if (!batch.isEmpty()) {
      batches.accept(batch);
      batch = new ArrayList<>();
    }
    return analysed;
  }

  /** Stops the pool; analyses still running are abandoned with it. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private void submit() {
    List<StoredAnswer> answers = chunk;
    chunk = new ArrayList<>(chunkSize);
    inFlight.add(pool.submit(() -> analyse(answers)));
  }

  private List<TaskOutcome.Analysed> analyse(List<StoredAnswer> answers) {
    List<TaskOutcome.Analysed> out = new ArrayList<>(answers.size());
    for (StoredAnswer a : answers) {
      out.add(new TaskOutcome.Analysed(a.taskId(), analyzer.analyze(a.text(), a.sources())));
    }
    return out;
  }

  private void collect() {
    List<TaskOutcome.Analysed> done = Uninterruptibly.get(inFlight.removeFirst());
    analysed += done.size();
    batch.addAll(done);
    if (batch.size() >= batchSize) {
      batches.accept(batch);
      batch = new ArrayList<>(batchSize);
    }
  }
}
