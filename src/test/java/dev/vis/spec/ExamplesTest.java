package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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

  @Test
  void every_example_spec_loads_with_its_keys_set_and_every_model_priced() throws Exception {
    Map<String, String> keys = new java.util.HashMap<>();
    for (ProviderType type : ProviderType.values()) {
      type.defaultApiKeyEnv().ifPresent(name -> keys.put(name, "test-key-0123456789"));
    }
    dev.vis.provider.PriceTable prices = dev.vis.provider.PriceTable.builtIn();
    List<Path> specs;
    try (var files = java.nio.file.Files.list(EXAMPLES)) {
      specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }

    assertThat(specs).hasSizeGreaterThanOrEqualTo(7);
    for (Path spec : specs) {
      RunSpec run =
          SpecLoader.load(spec, keys, m -> prices.find(m.id(), m.model()).isPresent()).spec();
      assertThat(RequiredKeys.missing(run, keys)).as(spec.toString()).isEmpty();
      for (ModelSpec model : run.models()) {
        boolean free =
            run.endpointOf(model).type() == ProviderType.SIM
                || run.endpointOf(model).type() == ProviderType.OPENAI_COMPATIBLE;
        assertThat(
                free
                    || run.pricing().containsKey(model.id())
                    || run.pricing().containsKey(model.model())
                    || prices.find(model.id(), model.model()).isPresent())
            .as(spec + ": " + model.id() + " has a price")
            .isTrue();
      }
    }
  }
}
