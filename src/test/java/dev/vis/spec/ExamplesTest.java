package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The specs under examples/ load, as the README promises. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("examples");

  @Test
  void quickstart_loads_without_any_environment() {
    RunSpec run = SpecLoader.load(EXAMPLES.resolve("quickstart.yaml"), Map.of()).spec();

    assertThat(run.name()).isEqualTo("quickstart");
    assertThat(run.brands()).hasSize(5);
    assertThat(run.primaryBrand()).map(BrandSpec::name).hasValue("Acme CRM");
    assertThat(run.prompts())
        .extracting(PromptSpec::id)
        .containsExactly(
            "best-crm",
            "crm-alternatives",
            "crm-for-startup",
            "crm-for-agency",
            "crm-for-enterprise",
            "crm-pricing",
            "crm-integrations");
    assertThat(run.models()).extracting(m -> m.sim().orElseThrow().seed()).containsExactly(7L, 42L);
    assertThat(run.samples()).isEqualTo(3);
    assertThat(RequiredKeys.missing(run, Map.of())).isEmpty();
  }

  @Test
  void openai_loads_and_needs_only_the_openai_key() {
    RunSpec run =
        SpecLoader.load(EXAMPLES.resolve("openai.yaml"), Map.of("OPENAI_API_KEY", "sk-test"))
            .spec();

    assertThat(run.models())
        .extracting(ModelSpec::id)
        .containsExactly("gpt-4o-mini", "local-llama");
    assertThat(run.endpointOf(run.models().get(1)).type())
        .isEqualTo(ProviderType.OPENAI_COMPATIBLE);
    assertThat(RequiredKeys.missing(run, Map.of())).containsExactly("OPENAI_API_KEY");
    assertThat(RequiredKeys.missing(run, Map.of("OPENAI_API_KEY", "sk-test"))).isEmpty();
  }
}
