package dev.vis.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one load so that all are reported together. */
final class Problems {
  private final String specFile;
  private final List<SpecProblem> problems = new ArrayList<>();

  Problems(String specFile) {
    this.specFile = specFile;
  }

  void add(Where where, String message) {
    problems.add(where.problem(message));
  }

  /** How many problems so far: a reader compares counts to learn whether a part was clean. */
  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems, the spec file's first, each file's in line order. */
  List<SpecProblem> sorted() {
    return problems.stream()
        .sorted(
            Comparator.comparing((SpecProblem p) -> !p.file().equals(specFile))
                .thenComparing(SpecProblem::file)
                .thenComparingInt(SpecProblem::line)
                .thenComparingInt(SpecProblem::column))
        .toList();
  }

  /** Throws the collected problems, if any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new SpecException(sorted());
    }
  }
}
