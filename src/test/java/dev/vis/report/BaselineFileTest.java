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
  void a_vis_report_3_file_still_loads_as_a_baseline_without_untracked_brands_or_served_models() {
    // rendered by the vis.report/3 renderer, before untracked brands, the summary and served models
    Path file = Path.of("src", "test", "resources", "baselines", "vis-report-3.json");

    Baseline baseline = BaselineFile.read(file);

    assertThat(baseline.tallies().brands())
        .containsExactly("Globex", "Acme", ReportFixture.ODD_BRAND);
    assertThat(baseline.facts().runId()).isEqualTo("01JABCDEFGHJKMNPQRSTVWXYZ0");
    assertThat(baseline.facts().servedModels()).isEmpty();
    assertThat(baseline.tallies().cells()).hasSize(6);
  }

  @Test
  void a_current_report_round_trips_its_served_models(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("baseline.json");
    ReportData sample = ReportFixture.sample();
    Files.writeString(file, ReportRendererTest.render(ReportFormat.JSON, sample));

    assertThat(BaselineFile.read(file).facts().servedModels())
        .isEqualTo(sample.facts().servedModels())
        .hasSize(3);
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
