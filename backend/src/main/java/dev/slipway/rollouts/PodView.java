package dev.slipway.rollouts;

import org.jspecify.annotations.Nullable;

/**
 * One pod as the cluster reports it.
 *
 * @param release       the release the pod runs, from its label
 * @param waitingReason why a container waits (CrashLoopBackOff, ImagePullBackOff, ...), if it does
 */
public record PodView(String name, @Nullable Integer release, String phase, boolean ready, int restarts,
                      @Nullable String waitingReason) {
}
