package dev.vis.engine;

import dev.vis.ExitCode;
import dev.vis.VisException;

/**
 * The Java heap ran out: a plain message and exit 1 in place of a raw {@link OutOfMemoryError}.
 * What was committed stays, so a started run resumes once vis has the memory it needs.
 */
public final class OutOfMemoryStop extends VisException {
  private static final long serialVersionUID = 1L;

  public OutOfMemoryStop(OutOfMemoryError cause) {
    super(ExitCode.FAILED, message(Runtime.getRuntime().maxMemory()), cause);
  }

  static String message(long maxHeapBytes) {
    return "out of memory: the Java heap ("
        + (maxHeapBytes >> 20)
        + " MiB) is full. Nothing stored is lost; a started run resumes with `vis run SPEC"
        + " --resume`. Ask for less (a lower max_tasks or --max-tasks, fewer vars or prompts) or"
        + " give vis more memory: VIS_JAVA_OPTS=-Xmx4g with the vis launcher, java -Xmx4g -jar"
        + " vis.jar otherwise";
  }
}
