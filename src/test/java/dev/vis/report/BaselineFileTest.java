package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
  @Test
  void a_vis_report_2_file_still_loads_as_a_baseline() {
    // rendered by the vis.report/2 renderer, before no data became null
    Path file = Path.of("src", "test", "resources", "baselines", "vis-report-2.json");

    Baseline baseline = BaselineFile.read(file);

    assertThat(baseline.facts().runId()).isEqualTo("01JABCDEFGHJKMNPQRSTVWXYZ0");
    assertThat(baseline.facts().modelsWithoutAnswers()).isEmpty();
    assertThat(baseline.tallies().brands())
        .containsExactly("Globex", "Acme", ReportFixture.ODD_BRAND);
    assertThat(baseline.tallies().cells()).hasSize(6);
    assertThat(baseline.tallies().cells().getFirst().named()).containsExactly(4L, 5L, 1L);
  }

  @Test
  void a_vis_report_3_file_without_untracked_brands_still_loads_as_a_baseline() {
    // rendered by the vis.report/3 renderer, before untracked brands
    Path file = Path.of("src", "test", "resources", "baselines", "vis-report-3.json");

    Baseline baseline = BaselineFile.read(file);

    assertThat(baseline.tallies().brands())
        .containsExactly("Globex", "Acme", ReportFixture.ODD_BRAND);
    assertThat(baseline.tallies().cells()).isNotEmpty();
  }

  @Test
  void a_current_report_round_trips_the_models_without_answers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("baseline.json");
    Files.writeString(
        file, ReportRendererTest.render(ReportFormat.JSON, NoDataFixture.withDeadModel()));

    assertThat(BaselineFile.read(file).facts().modelsWithoutAnswers())
        .containsExactly(NoDataFixture.DEAD_MODEL);
  }
}
