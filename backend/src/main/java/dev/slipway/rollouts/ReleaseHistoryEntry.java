package dev.slipway.rollouts;

import dev.slipway.releases.ReleaseView;
import org.jspecify.annotations.Nullable;

/**
 * A release in the history of an environment, with how its rollout ended.
 *
 * @param outcome the phase of its rollout; null for a release whose rollout was never started
 * @param running whether this is the release the environment runs now
 * @param config  the number of the config version the release pinned; null when it has no config
 */
public record ReleaseHistoryEntry(ReleaseView release, @Nullable RolloutPhase outcome, boolean running,
                                  @Nullable Integer config) {
}
