package dev.vis.spec;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.util.List;
import java.util.stream.Collectors;

/** An invalid spec (exit 2): every problem found, each located, one per line in the message. */
public final class SpecException extends VisException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 50;

  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(ExitCode.USAGE, message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<SpecProblem> problems() {
    return problems;
  }

  private static String message(List<SpecProblem> problems) {
    String shown =
        problems.stream().limit(SHOWN).map(SpecProblem::toString).collect(Collectors.joining("\n"));
    return problems.size() > SHOWN
        ? shown + "\n… and " + (problems.size() - SHOWN) + " more problems"
        : shown;
  }
}
