import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the analysis alone (matching, list ranks, citations) on one thread, in CPU time: the
 * answers of a responses export, analysed under a spec's brands, warm-up passes, then timed ones.
 * Run by src/bench/analysis.sh with the jar on the class path; not a test.
 */
public final class AnalysisBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      JsonNode row = json.readTree(line);
      if ("ok".equals(row.path("status").asText())) {
        texts.add(row.path("text").asText());
      }
    }
    var brands = SpecLoader.load(Path.of(args[1]), System.getenv()).spec().brands();
    AnswerAnalyzer analyzer = new AnswerAnalyzer(brands);
    long chars = texts.stream().mapToLong(String::length).sum();
    int passes = 11;
    double[] msPer1000 = new double[passes];
    long mentions = 0;
    for (int pass = -10; pass < passes; pass++) {
      // CPU time of this thread: the machine is shared, and waiting for a core is not analysis
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (String text : texts) {
        mentions += analyzer.analyze(text, List.of()).mentions().size();
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      if (pass >= 0) {
        msPer1000[pass] = (t1 - t0) / 1e6 / texts.size() * 1000;
      }
    }
    Arrays.sort(msPer1000);
    System.out.printf(
        Locale.ROOT,
        "%d answers (%.0f chars on average), %d brands: %.1f ms of CPU per 1,000 answers (median"
            + " of %d passes; min %.1f, max %.1f) [%d mentions]%n",
        texts.size(),
        (double) chars / texts.size(),
        brands.size(),
        msPer1000[passes / 2],
        passes,
        msPer1000[0],
        msPer1000[passes - 1],
        mentions);
  }
}
