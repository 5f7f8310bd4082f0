package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import java.util.List;

/** What the single writer records for one task. */
public sealed interface TaskOutcome {

  long taskId();

  /** An answer arrived: stored with its attempts and analysis in one transaction. */
  record Answered(
      long taskId, List<AttemptRecord> attempts, AnswerRecord answer, AnswerAnalysis analysis)
      implements TaskOutcome {
    public Answered {
      attempts = List.copyOf(attempts);
    }
  }

  /** No answer: the task is failed (resumable) with its attempts and the last error. */
  record Failed(long taskId, List<AttemptRecord> attempts, String error) implements TaskOutcome {
    public Failed {
      attempts = List.copyOf(attempts);
    }
  }

  /** A replay's fresh analysis of an answer the task already has. */
  record Analysed(long taskId, AnswerAnalysis analysis) implements TaskOutcome {}
}
