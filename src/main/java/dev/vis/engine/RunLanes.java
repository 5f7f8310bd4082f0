package dev.vis.engine;

import dev.vis.provider.ProviderFactory;
import dev.vis.spec.EndpointKey;
import dev.vis.spec.RunSpec;
import dev.vis.spec.Secrets;
import dev.vis.store.StoredModel;
import dev.vis.store.StoredRun;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's models ready to call, with the limits that hold them back: concurrency caps and rate
 * buckets per endpoint (shared by the models on it) and per model.
 *
 * @param lanes each model's lane, keyed by model id
 * @param endpointCaps calls in flight per endpoint, from its provider's {@code concurrency}
 * @param modelCaps calls in flight per model, from the model's own {@code concurrency}
 * @param endpointLimits rpm and tpm buckets per endpoint, from its provider's settings
 * @param modelLimits the model's own rpm and tpm buckets
 */
record RunLanes(
    Map<String, ModelLane> lanes,
    Map<EndpointKey, Integer> endpointCaps,
    Map<String, Integer> modelCaps,
    Map<EndpointKey, AttemptGate.Limits> endpointLimits,
    Map<String, AttemptGate.Limits> modelLimits) {

  static RunLanes of(StoredRun run, ProviderFactory providers, Secrets secrets, Clock clock) {
    RunSpec spec = run.spec();
    Map<String, ModelLane> lanes = new LinkedHashMap<>();
    Map<EndpointKey, Integer> endpointCaps = new HashMap<>();
    Map<String, Integer> modelCaps = new HashMap<>();
    Map<EndpointKey, AttemptGate.Limits> endpointLimits = new HashMap<>();
    Map<String, AttemptGate.Limits> modelLimits = new HashMap<>();
    for (StoredModel model : run.models()) {
      var client = providers.create(model.spec(), model.endpoint(), spec.brands());
      ModelLane lane = new ModelLane(model, new RedactingProvider(client, secrets));
      lanes.put(model.spec().id(), lane);
      // one provider name holds one key per server: its limits apply to each endpoint apart
      var provider = spec.providers().get(model.spec().provider());
      if (provider != null && provider.concurrency().isPresent()) {
        endpointCaps.put(lane.endpoint(), provider.concurrency().getAsInt());
      }
      if (provider != null && !endpointLimits.containsKey(lane.endpoint())) {
        var limits = AttemptGate.Limits.of(provider.rpm(), provider.tpm(), clock);
        if (!limits.isEmpty()) {
          endpointLimits.put(lane.endpoint(), limits);
        }
      }
      var ownLimits = AttemptGate.Limits.of(model.spec().rpm(), model.spec().tpm(), clock);
      if (!ownLimits.isEmpty()) {
        modelLimits.put(model.spec().id(), ownLimits);
      }
      if (model.spec().concurrency().isPresent()) {
        modelCaps.put(model.spec().id(), model.spec().concurrency().getAsInt());
      }
    }
    return new RunLanes(lanes, endpointCaps, modelCaps, endpointLimits, modelLimits);
  }

  ConcurrencyGate concurrencyGate(int global) {
    return new ConcurrencyGate(global, endpointCaps, modelCaps);
  }

  AttemptGate attemptGate(Clock clock, Sleeper sleeper) {
    return new AttemptGate(endpointLimits, modelLimits, clock, sleeper);
  }
}
