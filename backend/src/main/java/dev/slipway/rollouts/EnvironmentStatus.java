package dev.slipway.rollouts;

import dev.slipway.environments.EnvironmentView;
import dev.slipway.releases.RunningRelease;
import org.jspecify.annotations.Nullable;

/**
 * An app in one environment: where it lands, what runs there, the latest rollout and the live state.
 *
 * @param running the release Slipway last finished rolling out here; null when none
 * @param rollout the latest rollout, finished or not; null when there never was one
 */
public record EnvironmentStatus(EnvironmentView environment, String namespace, @Nullable RunningRelease running,
                                @Nullable RolloutView rollout, LiveStatus live) {
}
