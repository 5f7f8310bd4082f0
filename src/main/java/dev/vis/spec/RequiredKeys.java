package dev.vis.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The API key variables a run will read, checked before the first call (cron has no profile). */
public final class RequiredKeys {
  private RequiredKeys() {}

  /**
   * The {@code api_key_env} variables the spec's models use that are unset or blank in {@code env},
   * without duplicates, in model order. {@code sim} models and {@code openai-compatible} endpoints
   * on loopback without an explicit variable need none.
   */
  public static List<String> missing(RunSpec spec, Map<String, String> env) {
    Set<String> missing = new LinkedHashSet<>();
    for (ModelSpec model : spec.models()) {
      Endpoint endpoint = spec.endpointOf(model);
      if (endpoint.type() == ProviderType.SIM) {
        continue;
      }
      endpoint
          .apiKeyEnv()
          .filter(name -> env.getOrDefault(name, "").isBlank())
          .ifPresent(missing::add);
    }
    return List.copyOf(missing);
  }
}
