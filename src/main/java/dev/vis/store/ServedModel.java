package dev.vis.store;

import java.util.Objects;
import java.util.Optional;

/**
 * How many of a model's answers in a run one served model gave: the model name the provider
 * reported in its response, which can be a dated snapshot of the model asked for and can change
 * between runs without notice.
 *
 * @param modelId the spec's model id
 * @param servedModel the name the provider reported; empty when it reported none (or the answer was
 *     stored by a vis that did not keep it)
 * @param answers the model's answers that name it
 */
public record ServedModel(String modelId, Optional<String> servedModel, long answers) {
  public ServedModel {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(servedModel, "servedModel");
  }
}
