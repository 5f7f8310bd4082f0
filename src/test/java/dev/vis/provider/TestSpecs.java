package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.spec.BaseUrl;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.Endpoint;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.SimSpec;
import dev.vis.spec.SpecRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Short ways to build the spec records and requests the provider tests need; {@link #request}
 * serves tests of other packages too.
 */
public final class TestSpecs {
  /** A fixed now, so that HTTP-date and reset headers read the same in every run. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private TestSpecs() {}

  /**
   * What a factory over {@code env} builds for {@code model} on an endpoint of {@code type} at
   * {@code baseUrl}, its key in the type's default variable.
   */
  static Provider provider(
      Map<String, String> env,
      ProviderType type,
      String baseUrl,
      ModelSpec model,
      Map<String, String> headers) {
    Endpoint endpoint =
        endpoint(type, baseUrl, Optional.of(type.defaultApiKeyEnv().orElseThrow()), headers);
    return new ProviderFactory(env, CLOCK).create(model, endpoint, List.of());
  }

  /** The question the provider tests ask, every optional part set. */
  static ProviderRequest question(
      String model, String system, double temperature, int maxTokens, boolean webSearch) {
    return new ProviderRequest(
        model,
        "What is the best CRM for a small business?",
        Optional.of(system),
        OptionalDouble.of(temperature),
        OptionalInt.of(maxTokens),
        webSearch,
        Duration.ofSeconds(5),
        1,
        "best-crm");
  }

  /** The failure {@code provider} reports for {@code request}, which must be a {@code type}. */
  static <T extends ProviderException> T failure(
      Provider provider, ProviderRequest request, Class<T> type) {
    T e = catchThrowableOfType(type, () -> provider.call(request));
    assertThat(e).as("expected a %s", type.getSimpleName()).isNotNull();
    return e;
  }

  static ModelSpec model(String id, String provider, String modelName) {
    return SpecRecords.model(id, provider, modelName);
  }

  static ModelSpec simModel(String id, SimSpec sim) {
    return SpecRecords.simModel(id, sim);
  }

  static ModelSpec withWebSearch(ModelSpec m) {
    return SpecRecords.withWebSearch(m);
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

  /** A request for sample 1 of prompt {@code p1}, every optional part left out. */
  public static ProviderRequest request(String model, String prompt) {
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
