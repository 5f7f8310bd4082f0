package dev.vis.store;

import dev.vis.spec.RunSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything recorded when a run starts, in one transaction. It goes straight to the store, so its
 * lists (up to 100,000 tasks) are not copied.
 *
 * @param id ULID
 * @param specPath the spec file as given
 * @param specText the spec as written, unexpanded
 * @param specSha256 hex digest of the spec text
 * @param spec the resolved spec (prompts, brands, models and settings are stored apart)
 * @param models the models with endpoint and price
 * @param tasks the tasks; empty for a replay, whose tasks are copied from its source
 * @param sourceRunId the run a replay re-analyses
 * @param createdAt start time
 * @param owner the process that will work the run
 * @param specSamples the samples the spec file asked for, before a {@code --samples} override
 */
public record NewRun(
    String id,
    String specPath,
    String specText,
    String specSha256,
    RunSpec spec,
    List<StoredModel> models,
    List<NewTask> tasks,
    Optional<String> sourceRunId,
    Instant createdAt,
    Owner owner,
    int specSamples) {}
