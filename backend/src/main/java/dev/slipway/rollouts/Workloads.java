package dev.slipway.rollouts;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.DeploySettings;
import dev.slipway.config.ConfigBundle;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.environments.TrafficRouting;
import dev.slipway.kubernetes.Labels;
import dev.slipway.kubernetes.WorkloadSpec;
import dev.slipway.releases.ReleaseSettings;
import dev.slipway.releases.ReleaseView;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading the live state of an app's workload: the facts every strategy decides on. */
final class Workloads {

    private Workloads() {
    }

    /** The manifest builders' input for a release, as it runs in an environment. */
    static WorkloadSpec spec(AppRef app, EnvironmentView environment, ReleaseView release,
                             Optional<ConfigBundle> config) {
        ReleaseSettings settings = release.settings();
        DeploySettings deploy = settings.deploy();
        DeploySettings.Autoscaling autoscaling = deploy.autoscaling();
        return new WorkloadSpec(app.name(), app.team(), environment.name(),
                environment.namespaceFor(app.team(), app.name()), environment.createNamespace(), release.number(),
                release.image(), settings.port(), settings.livenessPath(), settings.readinessPath(), deploy.replicas(),
                new WorkloadSpec.Resources(deploy.cpuRequest(), deploy.cpuLimit(), deploy.memoryRequest(),
                        deploy.memoryLimit()),
                new WorkloadSpec.Rolling(deploy.maxSurge(), deploy.maxUnavailable(), deploy.progressDeadlineSeconds()),
                autoscaling == null ? null
                        : new WorkloadSpec.Autoscaling(autoscaling.min(), autoscaling.max(), autoscaling.cpuPercent()),
                environment.simulated() ? release.sandboxBehaviour().podAnnotations() : Map.of(),
                config.map(c -> new WorkloadSpec.Config(c.variablesHash(), c.variables(), c.secretsHash(), c.secrets()))
                        .orElse(null), route(environment, app));
    }

    private static WorkloadSpec.@Nullable Route route(EnvironmentView environment, AppRef app) {
        TrafficRouting routing = environment.routing();
        if (routing == null) {
            return null;
        }
        return new WorkloadSpec.Route(routing.router() == TrafficRouting.Router.GATEWAY_API,
                routing.hostFor(app.team(), app.name(), environment.name()), routing.gatewayNamespace(),
                routing.gatewayName());
    }

    /** The release a pod or pod template belongs to, from its label. */
    static Optional<Integer> release(@Nullable Map<String, String> labels) {
        if (labels == null || labels.get(Labels.RELEASE) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(labels.get(Labels.RELEASE)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> templateRelease(@Nullable Deployment deployment) {
        if (deployment == null || deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getMetadata() == null) {
            return Optional.empty();
        }
        return release(deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    /** Pods the cluster wants: spec.replicas as set by Slipway or, when an HPA owns it, by the HPA. */
    static int desiredReplicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /**
     * True when the Deployment runs {@code release} on every pod it wants and nothing else: the
     * controller has seen the latest spec, and updated = ready = available = total = desired.
     */
    static boolean converged(@Nullable Deployment deployment, int release) {
        if (deployment == null || templateRelease(deployment).filter(r -> r == release).isEmpty()) {
            return false;
        }
        DeploymentStatus status = deployment.getStatus();
        if (status == null || status.getObservedGeneration() == null) {
            return false;
        }
        Long generation = deployment.getMetadata().getGeneration();
        if (generation != null && status.getObservedGeneration() < generation) {
            return false;
        }
        int desired = desiredReplicas(deployment);
        return count(status.getUpdatedReplicas()) == desired && count(status.getReplicas()) == desired
                && count(status.getReadyReplicas()) == desired && count(status.getAvailableReplicas()) == desired;
    }

    /** True when Kubernetes itself gave up on the current template: Progressing=False, ProgressDeadlineExceeded. */
    static boolean deadlineExceeded(@Nullable Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return false;
        }
        return deployment.getStatus().getConditions().stream().anyMatch(c -> "Progressing".equals(c.getType())
                && "False".equals(c.getStatus()) && "ProgressDeadlineExceeded".equals(c.getReason()));
    }

    static List<Pod> podsOf(List<Pod> pods, int release) {
        return pods.stream().filter(p -> release(p.getMetadata().getLabels()).filter(r -> r == release).isPresent())
                .toList();
    }

    /** Ready as the kubelet reports it: the pod's Ready condition, or all containers ready when it has none. */
    static boolean ready(Pod pod) {
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            Optional<String> condition = pod.getStatus().getConditions().stream()
                    .filter(c -> "Ready".equals(c.getType())).map(c -> c.getStatus()).findFirst();
            if (condition.isPresent()) {
                return "True".equals(condition.get());
            }
        }
        List<ContainerStatus> containers = containers(pod);
        return !containers.isEmpty() && containers.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
    }

    static int restarts(Pod pod) {
        return containers(pod).stream().map(ContainerStatus::getRestartCount).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0);
    }

    static Optional<String> waitingReason(Pod pod) {
        return containers(pod).stream()
                .map(c -> c.getState() == null || c.getState().getWaiting() == null ? null : c.getState().getWaiting().getReason())
                .filter(Objects::nonNull).findFirst();
    }

    /** A pod of {@code release} that keeps crashing, with the measured values for the timeline. */
    static Optional<Pod> crashLooping(List<Pod> pods, int release, int restartLimit) {
        return podsOf(pods, release).stream()
                .filter(p -> restarts(p) >= restartLimit || waitingReason(p).filter("CrashLoopBackOff"::equals).isPresent())
                .findFirst();
    }

    private static List<ContainerStatus> containers(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
    }

    private static int count(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
