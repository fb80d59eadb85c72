package dev.slipway.rollouts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rollout with its timeline.
 *
 * @param release       the release being rolled out
 * @param stableRelease what runs when it is undone; null for the first release
 * @param reason        why it is where it is (a failure, an abort), when there is a reason
 * @param canary        where a canary stands in its steps; null for other strategies and for rollouts
 *                      that skip the steps (the first release, a rollback, a redeploy)
 * @param blueGreen     where a blue-green rollout stands; null for other strategies and first releases
 * @param held          paused by its own steps (a pause without end, an inconclusive analysis): only
 *                      promote or abort go on from here, not resume
 */
public record RolloutView(long id, int release, @Nullable Integer stableRelease, String strategy, RolloutPhase phase,
                          boolean fastTrack, @Nullable String reason, String startedBy, Instant startedAt,
                          @Nullable Instant finishedAt, List<RolloutEventView> events, @Nullable CanaryView canary,
                          @Nullable BlueGreenView blueGreen, boolean held) {
}
