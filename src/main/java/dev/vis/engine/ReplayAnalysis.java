package dev.vis.engine;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.analysis.ScoredAnswer;
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
 * A replay's pipeline on every core: the thread that reads the stored answers hands them in, a
 * fixed pool analyses them a chunk at a time, and their analyses go, in the order the answers went
 * in, gathered into the large batches the store writes in one transaction each, to a writer thread
 * of their own: reading, analysing and writing overlap. The reading thread keeps a bounded number
 * of chunks ahead and one batch at most waits while the previous one is written, so memory stays
 * flat whatever the run's size.
 *
 * <p>Not thread-safe: one thread adds answers; only the analysis runs on the pool's threads (an
 * {@link AnswerAnalyzer} is safe to share) and only the writing on the writer's, one batch at a
 * time, so the store sees a single writer.
 */
final class ReplayAnalysis implements AutoCloseable {
  /** Answers analysed as one piece of work: the hand-over costs little beside them. */
  static final int CHUNK = 500;

  /** Analyses written in one transaction (at least): few commits, and still a short hold. */
  static final int BATCH = 10_000;

  private final AnswerAnalyzer analyzer;
  private final Consumer<List<TaskOutcome.Analysed>> batches;
  private final Consumer<ScoredAnswer> counted;
  private final ExecutorService pool;
  private final ExecutorService writer;
  private final int chunkSize;
  private final int batchSize;
  private final int ahead;
  private final Deque<Future<List<TaskOutcome.Analysed>>> inFlight = new ArrayDeque<>();
  private final Deque<List<StoredAnswer>> inFlightAnswers = new ArrayDeque<>();
  private List<StoredAnswer> chunk = new ArrayList<>();
  private List<TaskOutcome.Analysed> batch = new ArrayList<>();
  private List<ScoredAnswer> scored = new ArrayList<>();
  private long analysed;
  private Future<?> writing; // what the writer has (the start or a batch), if anything

  /**
   * @param threads how many threads analyse at once
   * @param start runs first on the writer's thread, before any batch (even with no answers); what
   *     it throws comes out as a batch's failure does
   * @param batches receives the analyses in order, on the writer's thread, one batch at a time, in
   *     batches of whole chunks that hold at least {@link #BATCH} analyses (all but the last); what
   *     it throws comes out of the next {@link #add} or {@link #finish}
   * @param counted receives each answer as the metrics count it, in order, on the writer's thread
   *     once its batch is written: the replay's results are folded as it goes, not read back
   */
  ReplayAnalysis(
      AnswerAnalyzer analyzer,
      int threads,
      Runnable start,
      Consumer<List<TaskOutcome.Analysed>> batches,
      Consumer<ScoredAnswer> counted) {
    this(analyzer, threads, CHUNK, BATCH, start, batches, counted);
  }

  /** As above, with other chunk and batch sizes (tests cross their edges with a few answers). */
  ReplayAnalysis(
      AnswerAnalyzer analyzer,
      int threads,
      int chunkSize,
      int batchSize,
      Runnable start,
      Consumer<List<TaskOutcome.Analysed>> batches,
      Consumer<ScoredAnswer> counted) {
    this.analyzer = analyzer;
    this.batches = batches;
    this.counted = counted;
    this.chunkSize = chunkSize;
    this.batchSize = batchSize;
    this.pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name("vis-replay-", 1).factory());
    this.writer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("vis-replay-writer").factory());
    this.writing = writer.submit(start);
    // enough chunks queued that every thread still has work while the reading thread waits
    this.ahead = 4 * threads;
  }

  /**
   * Takes the next stored answer; may first hand finished analyses on, waiting while the writer
   * still has the previous batch when the next one is full.
   */
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
   * Waits for every analysis and for the writing of every batch, the last one included.
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
      write(batch, scored);
      batch = new ArrayList<>();
      scored = new ArrayList<>();
    }
    awaitWriting();
    return analysed;
  }

  /**
   * Stops the pool, abandoning the analyses still running, and waits for the writer to end the
   * batch it has: the store is not closed under a transaction, which ends written or rolled back
   * whole.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    writer.close();
  }

  private void submit() {
    List<StoredAnswer> answers = chunk;
    chunk = new ArrayList<>(chunkSize);
    inFlight.add(pool.submit(() -> analyse(answers)));
    inFlightAnswers.add(answers);
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
    List<StoredAnswer> answers = inFlightAnswers.removeFirst();
    analysed += done.size();
    batch.addAll(done);
    for (int i = 0; i < done.size(); i++) {
      StoredAnswer a = answers.get(i);
      AnswerAnalysis analysis = done.get(i).analysis();
      scored.add(
          new ScoredAnswer(
              a.promptId(), a.modelId(), analysis.mentions(), analysis.citations(), a.grounded()));
    }
    if (writing != null && writing.isDone()) {
      awaitWriting(); // a failed write stops the reading at once, not a batch later
    }
    if (batch.size() >= batchSize) {
      write(batch, scored);
      batch = new ArrayList<>(batchSize);
      scored = new ArrayList<>(batchSize);
    }
  }

  /** Hands a full batch to the writer once it has written the previous one; then it counts it. */
  private void write(List<TaskOutcome.Analysed> full, List<ScoredAnswer> answers) {
    awaitWriting();
    writing =
        writer.submit(
            () -> {
              batches.accept(full);
              answers.forEach(counted);
            });
  }

  /** Waits for the writer's batch, if it has one; its failure is thrown here. */
  private void awaitWriting() {
    Future<?> pending = writing;
    writing = null;
    if (pending != null) {
      Uninterruptibly.get(pending);
    }
  }
}
