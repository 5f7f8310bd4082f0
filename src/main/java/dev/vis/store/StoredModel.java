package dev.vis.store;

import dev.vis.spec.Endpoint;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import java.util.Optional;

/**
 * A model as a run used it: the spec entry, its resolved endpoint and the price it is costed with.
 *
 * @param spec the model entry
 * @param endpoint where it is called (headers as written, never expanded)
 * @param price USD per million tokens, when known
 */
public record StoredModel(ModelSpec spec, Endpoint endpoint, Optional<Price> price) {}
