import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.analysis.UntrackedBrands;
import dev.vis.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the untracked brands of a run (both passes: detection and exact counting) on one thread, in
 * CPU time: the answers of a responses export under a spec's brands, warm-up passes, then timed
 * ones. Run by src/bench/untracked.sh with the jar on the class path; not a test.
 */
public final class UntrackedBench {
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
    int passes = 11;
    double[] msPer1000 = new double[passes];
    List<UntrackedBrand> found = List.of();
    for (int pass = -5; pass < passes; pass++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      found = UntrackedBrands.of(brands, sink -> texts.forEach(sink));
      long t1 = THREADS.getCurrentThreadCpuTime();
      if (pass >= 0) {
        msPer1000[pass] = (t1 - t0) / 1e6 / texts.size() * 1000;
      }
    }
    Arrays.sort(msPer1000);
    System.out.printf(
        Locale.ROOT,
        "%d answers, %d brands: untracked brands in %.1f ms of CPU per 1,000 answers (median of"
            + " %d passes; min %.1f, max %.1f); %s%n",
        texts.size(),
        brands.size(),
        msPer1000[passes / 2],
        passes,
        msPer1000[0],
        msPer1000[passes - 1],
        found);
  }
}
