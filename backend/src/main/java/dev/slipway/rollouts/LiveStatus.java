package dev.slipway.rollouts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The app's Deployment in one environment as the cluster last reported it.
 *
 * @param simulated true on the sandbox, where no pod really runs
 * @param deployed  false when the cluster has no Deployment of the app (never deployed, or removed)
 * @param release   the release the Deployment's pod template belongs to
 * @param desired   pods wanted; updated/ready/available as Kubernetes counts them
 */
public record LiveStatus(boolean simulated, boolean deployed, @Nullable Integer release, int desired, int updated,
                         int ready, int available, boolean paused, List<PodView> pods) {
}
