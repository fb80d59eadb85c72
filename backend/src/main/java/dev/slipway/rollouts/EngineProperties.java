package dev.slipway.rollouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the rollout engine.
 *
 * @param resync            how often every rollout in flight gets a pass even if nothing was reported;
 *                          catches events lost during a restart or a broken watch
 * @param crashLoopRestarts restarts after which a pod of the new release counts as crash-looping
 * @param apiRetryBase      first wait after a failed Kubernetes API call; doubles each time
 * @param apiRetryMax       longest wait between retries of the Kubernetes API
 * @param busyRetry         wait before trying again when another engine holds the rollout
 */
@ConfigurationProperties("slipway.rollouts")
record EngineProperties(
        @DefaultValue("30s") Duration resync,
        @DefaultValue("3") int crashLoopRestarts,
        @DefaultValue("2s") Duration apiRetryBase,
        @DefaultValue("60s") Duration apiRetryMax,
        @DefaultValue("250ms") Duration busyRetry) {
}
