package dev.vis.engine;

import dev.vis.provider.Provider;
import dev.vis.spec.EndpointKey;
import dev.vis.spec.Price;
import dev.vis.store.StoredModel;
import java.util.Optional;

/**
 * Everything the engine needs to call one model: its stored settings and the provider instance.
 *
 * @param model the model as the run stored it
 * @param provider the wire-format client
 */
record ModelLane(StoredModel model, Provider provider) {
  String providerName() {
    return model.endpoint().providerName();
  }

  EndpointKey endpoint() {
    return model.endpoint().key();
  }

  Optional<Price> price() {
    return model.price();
  }
}
