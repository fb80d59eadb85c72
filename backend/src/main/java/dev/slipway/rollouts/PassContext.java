package dev.slipway.rollouts;

import dev.slipway.apps.CanarySteps;
import dev.slipway.apps.DeploySettings;
import dev.slipway.kubernetes.WorkloadSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a strategy may look at in one reconcile pass. Built by the pass from the database and the
 * informer caches; the strategy itself does no I/O.
 *
 * @param phase             where the rollout stands
 * @param progress          what the strategy kept from earlier passes
 * @param fastTrack         a rollback or a redeploy of the stable release: skip steps and analysis
 * @param startedAt         when the rollout started
 * @param now               the time of this pass, from the engine's clock
 * @param target            the release being rolled out
 * @param stable            the release that runs when this one is undone; null for the first release
 * @param live              the app's Deployment as the cluster last reported it; null when absent
 * @param canary            the app's canary Deployment as last reported; null when absent
 * @param pods              the app's pods in this environment, all releases
 * @param crashLoopRestarts restarts after which a pod counts as crash-looping
 * @param steps             the canary's steps, from the target release's settings; null for other strategies
 * @param analysis          the metrics of the step being analysed, with what was measured so far
 * @param background        the metrics of a canary's background analysis once it started, likewise
 * @param deployments       every Deployment of the app in the environment as last reported, by name
 * @param activeSlot        the blue-green slot the stable release serves from; null when it runs in one Deployment
 * @param blueGreen         the blue-green options of the target release; null for other strategies
 * @param rollbackOf        the release a rollback brings back; null for other deploys
 */
record PassContext(RolloutPhase phase, Progress progress, boolean fastTrack, Instant startedAt, Instant now,
                   WorkloadSpec target, @Nullable WorkloadSpec stable, @Nullable Deployment live,
                   @Nullable Deployment canary, List<Pod> pods, int crashLoopRestarts, @Nullable CanarySteps steps,
                   List<MetricRun> analysis, List<MetricRun> background, Map<String, Deployment> deployments, @Nullable String activeSlot,
                   DeploySettings.@Nullable BlueGreen blueGreen, @Nullable Integer rollbackOf) {

    /** A context for strategies without a canary, as the rolling strategy sees it. */
    PassContext(RolloutPhase phase, Progress progress, boolean fastTrack, Instant startedAt, Instant now,
                WorkloadSpec target, @Nullable WorkloadSpec stable, @Nullable Deployment live, List<Pod> pods,
                int crashLoopRestarts) {
        this(phase, progress, fastTrack, startedAt, now, target, stable, live, null, pods, crashLoopRestarts, null,
                List.of(), List.of(), Map.of(), null, null, null);
    }
}
