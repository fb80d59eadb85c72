package dev.slipway.rollouts;

import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.WorkloadObserver;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads what the cluster last reported about an app, from the informer caches (no API call). */
@Component
class LiveState {

    private static final Logger log = LoggerFactory.getLogger(LiveState.class);

    private final WorkloadObserver observer;

    LiveState(WorkloadObserver observer) {
        this.observer = observer;
    }

    /** @param deployment the Deployment that serves the app: its own, or its active blue-green slot */
    LiveStatus of(EnvironmentView environment, String namespace, String app, String deployment) {
        String cluster = environment.cluster();
        Optional<Deployment> serving;
        List<Pod> pods;
        try {
            observer.watch(cluster);
            serving = observer.deployment(cluster, namespace, deployment);
            pods = observer.pods(cluster, namespace, app, environment.name());
        } catch (RuntimeException e) {
            log.debug("No live state of {} in {}: {}", app, environment.name(), e.getMessage());
            return new LiveStatus(environment.simulated(), false, null, 0, 0, 0, 0, false, List.of());
        }
        List<PodView> podViews = pods.stream()
                .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getName()))
                .map(LiveState::pod).toList();
        if (serving.isEmpty()) {
            return new LiveStatus(environment.simulated(), false, null, 0, 0, 0, 0, false, podViews);
        }
        Deployment d = serving.get();
        @Nullable DeploymentStatus status = d.getStatus();
        return new LiveStatus(environment.simulated(), true, Workloads.templateRelease(d).orElse(null),
                Workloads.desiredReplicas(d),
                status == null ? 0 : count(status.getUpdatedReplicas()),
                status == null ? 0 : count(status.getReadyReplicas()),
                status == null ? 0 : count(status.getAvailableReplicas()),
                Boolean.TRUE.equals(d.getSpec().getPaused()), podViews);
    }

    private static PodView pod(Pod pod) {
        return new PodView(pod.getMetadata().getName(), Workloads.release(pod.getMetadata().getLabels()).orElse(null),
                pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase(),
                Workloads.ready(pod), Workloads.restarts(pod), Workloads.waitingReason(pod).orElse(null));
    }

    private static int count(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
