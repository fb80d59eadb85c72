package dev.slipway.kubernetes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the manifest builders need to describe one app's workload in one environment for one
 * release. Built by the rollout engine from the release and its settings snapshot.
 *
 * @param app             the app's name (a DNS label); also the Deployment and Service name
 * @param team            the owning team's name
 * @param environment     the environment's name
 * @param namespace       where the objects live (the environment's namespace rule applied)
 * @param createNamespace whether Slipway creates the namespace when it is missing
 * @param release         the release number (v1 = 1)
 * @param image           the image reference the pods run
 * @param port            the container port the app listens on
 * @param livenessPath    HTTP path of the liveness and startup probes
 * @param readinessPath   HTTP path of the readiness probe
 * @param replicas        desired pods; ignored while {@code autoscaling} is set (the HPA owns replicas)
 * @param resources       requests and limits of the app container
 * @param rolling         rolling-update parameters
 * @param autoscaling     when set, an HPA owns the replica count
 * @param podAnnotations  extra annotations on the pod template (e.g. the sandbox's simulated behaviour)
 * @param config          the release's variables and secrets; null when it has none
 * @param route           the app's Ingress or HTTPRoute where the environment has a traffic router; null
 *                        where requests reach the Service some other way
 */
public record WorkloadSpec(String app, String team, String environment, String namespace, boolean createNamespace,
                           int release, String image, int port, String livenessPath, String readinessPath,
                           int replicas, Resources resources, Rolling rolling, @Nullable Autoscaling autoscaling,
                           Map<String, String> podAnnotations, @Nullable Config config, @Nullable Route route) {

    /** A workload reached without a route Slipway manages. */
    public WorkloadSpec(String app, String team, String environment, String namespace, boolean createNamespace,
                        int release, String image, int port, String livenessPath, String readinessPath,
                        int replicas, Resources resources, Rolling rolling, @Nullable Autoscaling autoscaling,
                        Map<String, String> podAnnotations, @Nullable Config config) {
        this(app, team, environment, namespace, createNamespace, release, image, port, livenessPath, readinessPath,
                replicas, resources, rolling, autoscaling, podAnnotations, config, null);
    }

    /**
     * The app's route: an Ingress for ingress-nginx or an HTTPRoute attached to a Gateway.
     *
     * @param host             the app's host name
     * @param gatewayNamespace Gateway API only, else empty
     * @param gatewayName      Gateway API only, else empty
     */
    public record Route(boolean gatewayApi, String host, String gatewayNamespace, String gatewayName) {
    }

    /**
     * The same workload on a fixed number of pods, e.g. the stable and canary shares of a canary step. An
     * autoscaler is left out: a share of pods that an HPA resizes would be no share at all.
     */
    public WorkloadSpec withReplicas(int pods) {
        return new WorkloadSpec(app, team, environment, namespace, createNamespace, release, image, port, livenessPath,
                readinessPath, pods, resources, rolling, null, podAnnotations, config, route);
    }

    /**
     * Kubernetes quantities, as Kubernetes writes them ("250m", "512Mi").
     */
    public record Resources(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    }

    /**
     * @param maxSurge                how many pods above the desired count during an update ("25%" or "1")
     * @param maxUnavailable          how many pods may be missing during an update ("0" or "25%")
     * @param progressDeadlineSeconds after this long without progress the rollout counts as failed
     */
    public record Rolling(String maxSurge, String maxUnavailable, int progressDeadlineSeconds) {
    }

    /**
     * Variables and secrets, materialised as a ConfigMap and a Secret named after a hash of their content,
     * so a change rolls the pods and a rollback finds the old objects (or rebuilds them).
     *
     * @param variablesHash names the ConfigMap
     * @param secretsHash   names the Secret; a hash of the secrets' identities, never of their values
     * @param secrets       secret values; {@link #toString()} hides them
     */
    public record Config(String variablesHash, Map<String, String> variables, String secretsHash,
                         Map<String, String> secrets) {

        @Override
        public String toString() {
            return "Config[variables=" + variables.keySet() + ", secrets=" + secrets.keySet() + " (values hidden)]";
        }
    }

    /** A HorizontalPodAutoscaler on CPU utilisation. */
    public record Autoscaling(int minReplicas, int maxReplicas, int targetCpuPercent) {
    }
}
