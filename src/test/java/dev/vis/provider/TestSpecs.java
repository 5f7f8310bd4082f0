package dev.vis.provider;

import dev.vis.spec.BaseUrl;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.Endpoint;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.SimSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Short ways to build the spec records and requests the provider tests need. */
final class TestSpecs {
  private TestSpecs() {}

  static ModelSpec model(String id, String provider, String modelName) {
    return new ModelSpec(
        id,
        provider,
        modelName,
        OptionalDouble.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  static ModelSpec simModel(String id, SimSpec sim) {
    ModelSpec m = model(id, "sim", "sim");
    return new ModelSpec(
        m.id(),
        m.provider(),
        m.model(),
        m.temperature(),
        m.maxTokens(),
        m.system(),
        false,
        m.baseUrl(),
        m.apiKeyEnv(),
        false,
        Optional.of(sim),
        m.concurrency(),
        m.rpm(),
        m.tpm());
  }

  static ModelSpec withWebSearch(ModelSpec m) {
    return new ModelSpec(
        m.id(),
        m.provider(),
        m.model(),
        m.temperature(),
        m.maxTokens(),
        m.system(),
        true,
        m.baseUrl(),
        m.apiKeyEnv(),
        m.allowInsecureHttp(),
        m.sim(),
        m.concurrency(),
        m.rpm(),
        m.tpm());
  }

  static Endpoint endpoint(
      ProviderType type, String baseUrl, Optional<String> keyEnv, Map<String, String> headers) {
    return new Endpoint(
        type.id(),
        type,
        Optional.ofNullable(baseUrl).map(BaseUrl::new),
        keyEnv,
        headers,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  static Endpoint simEndpoint() {
    return endpoint(ProviderType.SIM, null, Optional.empty(), Map.of());
  }

  static BrandSpec brand(String name, List<String> aliases, List<String> domains) {
    return new BrandSpec(name, aliases, domains, List.of(), false, false);
  }

  static ProviderRequest request(String model, String prompt) {
    return new ProviderRequest(
        model,
        prompt,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        false,
        Duration.ofSeconds(5),
        1,
        "p1");
  }

  static ProviderRequest request(String model, String promptId, String prompt, int sample) {
    ProviderRequest r = request(model, prompt);
    return new ProviderRequest(
        r.model(),
        r.prompt(),
        r.system(),
        r.temperature(),
        r.maxTokens(),
        false,
        r.timeout(),
        sample,
        promptId);
  }
}
