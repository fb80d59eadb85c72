package dev.slipway.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Kubernetes objects of one app in one environment for one release, built by pure functions:
 * settings in, fabric8 object out, no cluster needed. One method per object; the rollout strategies
 * decide which of them to write and may adjust them (pause a Deployment, rename it for a slot).
 */
public final class Manifests {

    /** The container port's name: probes and the Service refer to it, so a port change touches one place. */
    static final String PORT_NAME = "http";
    /** The UID and GID pods run as: any non-zero id works, a high one collides with nothing in the image. */
    static final long RUN_AS = 10001L;
    static final int REVISION_HISTORY = 10;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");

    private Manifests() {
    }

    /** The namespace, labelled like the objects in it but without a release: it outlives them all. */
    public static Namespace namespace(WorkloadSpec spec) {
        return new NamespaceBuilder()
                .withNewMetadata().withName(spec.namespace()).withLabels(common(spec)).endMetadata()
                .build();
    }

    /**
     * The app's Deployment. The selector holds only app and environment because Kubernetes never lets a
     * selector change; the release goes into labels and the template, where changing it rolls the pods.
     */
    public static Deployment deployment(WorkloadSpec spec) {
        Map<String, String> labels = withRelease(spec);
        return new DeploymentBuilder()
                .withNewMetadata()
                    .withName(spec.app()).withNamespace(spec.namespace()).withLabels(labels)
                    .withAnnotations(new TreeMap<>(Map.of(Labels.REVISION, Integer.toString(spec.release()))))
                .endMetadata()
                .withNewSpec()
                    // With an HPA the replica count is the HPA's: writing one here would fight it on every apply.
                    .withReplicas(spec.autoscaling() == null ? spec.replicas() : null)
                    .withRevisionHistoryLimit(REVISION_HISTORY)
                    .withProgressDeadlineSeconds(spec.rolling().progressDeadlineSeconds())
                    .withNewSelector().withMatchLabels(new TreeMap<>(Labels.selector(spec.app(), spec.environment())))
                    .endSelector()
                    .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                            .withMaxSurge(intOrString(spec.rolling().maxSurge()))
                            .withMaxUnavailable(intOrString(spec.rolling().maxUnavailable()))
                        .endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).withAnnotations(new TreeMap<>(spec.podAnnotations()))
                        .endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(podSecurity())
                            .withContainers(container(spec))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The canary's Deployment name: the app's with this suffix. */
    public static String canaryName(String app) {
        return app + "-canary";
    }

    /**
     * The canary's Deployment: the release's pods beside the stable ones, labelled {@code slot=canary}. The
     * app's Service selects app and environment only, so it sends requests to canary and stable pods alike,
     * by their numbers. The canary's selector includes the slot, so the two Deployments never count each
     * other's pods; the stable one's selector is older and immutable, but a Deployment only manages pods of
     * its own ReplicaSets (owner references), so it leaves the canary's pods alone.
     */
    public static Deployment canaryDeployment(WorkloadSpec spec) {
        Deployment deployment = deployment(spec);
        deployment.getMetadata().setName(canaryName(spec.app()));
        deployment.getMetadata().getLabels().put(Labels.SLOT, Labels.CANARY_SLOT);
        deployment.getSpec().getSelector().getMatchLabels().put(Labels.SLOT, Labels.CANARY_SLOT);
        deployment.getSpec().getTemplate().getMetadata().getLabels().put(Labels.SLOT, Labels.CANARY_SLOT);
        return deployment;
    }

    /**
     * The release's variables as an immutable ConfigMap named after their hash; empty when it has none.
     * Immutable objects named by content are never updated, only created, so a pod always starts with the
     * config its release was made with.
     */
    public static Optional<ConfigMap> configMap(WorkloadSpec spec) {
        WorkloadSpec.Config config = spec.config();
        if (config == null || config.variables().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigMapBuilder()
                .withNewMetadata().withName(configMapName(spec.app(), config.variablesHash())).withNamespace(spec.namespace())
                    .withLabels(withConfig(spec)).endMetadata()
                .withImmutable(true)
                .withData(new TreeMap<>(config.variables()))
                .build());
    }

    /** The release's secrets as an immutable Secret named after their identities' hash; empty when it has none. */
    public static Optional<Secret> secret(WorkloadSpec spec) {
        WorkloadSpec.Config config = spec.config();
        if (config == null || config.secrets().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretBuilder()
                .withNewMetadata().withName(secretName(spec.app(), config.secretsHash())).withNamespace(spec.namespace())
                    .withLabels(withConfig(spec)).endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withData(base64(config.secrets()))
                .build());
    }

    private static Map<String, String> base64(Map<String, String> values) {
        Map<String, String> encoded = new TreeMap<>();
        values.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return encoded;
    }

    /** The ConfigMap of variables with this hash; the name alone, for work that needs no content (clean-up). */
    public static String configMapName(String app, String variablesHash) {
        return app + "-config-" + variablesHash;
    }

    /** The Secret of secrets with this identity hash; the name alone, for work that needs no values. */
    public static String secretName(String app, String secretsHash) {
        return app + "-secret-" + secretsHash;
    }

    /** A ClusterIP Service on port 80 in front of the app's pods of every release. */
    public static Service service(WorkloadSpec spec) {
        return new ServiceBuilder()
                .withNewMetadata().withName(spec.app()).withNamespace(spec.namespace()).withLabels(common(spec))
                .endMetadata()
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(new TreeMap<>(Labels.selector(spec.app(), spec.environment())))
                    .addNewPort().withName(PORT_NAME).withProtocol("TCP").withPort(80)
                        .withTargetPort(new IntOrString(PORT_NAME)).endPort()
                .endSpec()
                .build();
    }

    /** A blue-green slot's Deployment name: the app's with the slot as suffix. */
    public static String slotName(String app, String slot) {
        return app + "-" + slot;
    }

    /** The blue-green preview Service's name. */
    public static String previewName(String app) {
        return app + "-preview";
    }

    /**
     * A blue-green slot: the release's pods labelled with the slot, so that a Service can select exactly
     * one slot. The slot is in the selector from the start, since a selector never changes.
     */
    public static Deployment slotDeployment(WorkloadSpec spec, String slot) {
        Deployment deployment = deployment(spec);
        deployment.getMetadata().setName(slotName(spec.app(), slot));
        deployment.getMetadata().getLabels().put(Labels.SLOT, slot);
        deployment.getSpec().getSelector().getMatchLabels().put(Labels.SLOT, slot);
        deployment.getSpec().getTemplate().getMetadata().getLabels().put(Labels.SLOT, slot);
        return deployment;
    }

    /**
     * The app's Service sending every request to one slot. Switching slots changes only the selector: one
     * write, so no request ever reaches both releases through it.
     */
    public static Service activeService(WorkloadSpec spec, String slot) {
        Service service = service(spec);
        service.getSpec().getSelector().put(Labels.SLOT, slot);
        return service;
    }

    /** The preview Service: the slot being tried out, reachable before it gets the app's traffic. */
    public static Service previewService(WorkloadSpec spec, String slot) {
        Service service = activeService(spec, slot);
        service.getMetadata().setName(previewName(spec.app()));
        return service;
    }

    /** The annotation ingress-nginx reads to treat an Ingress as the canary of another with the same host. */
    public static final String NGINX_CANARY = "nginx.ingress.kubernetes.io/canary";
    public static final String NGINX_CANARY_WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";

    /**
     * The app's route where the environment has a traffic router: an Ingress (ingress-nginx) or an HTTPRoute
     * (Gateway API) for its host. Without a split it sends everything to the app's Service. With one it
     * sends {@code canaryWeight} percent to {@code <app>-canary} and the rest to {@code <app>-stable}: for
     * ingress-nginx through a second Ingress marked as canary, for Gateway API through backend weights.
     *
     * @param canaryWeight the canary's exact share in percent; null for no split
     */
    public static List<HasMetadata> route(WorkloadSpec spec, @Nullable Integer canaryWeight) {
        WorkloadSpec.Route route = spec.route();
        if (route == null) {
            return List.of();
        }
        if (route.gatewayApi()) {
            List<HTTPBackendRef> backends = canaryWeight == null
                    ? List.of(backend(spec.app(), null))
                    : List.of(backend(stableServiceName(spec.app()), 100 - canaryWeight),
                    backend(canaryName(spec.app()), canaryWeight));
            return List.of(new HTTPRouteBuilder()
                    .withNewMetadata().withName(spec.app()).withNamespace(spec.namespace()).withLabels(common(spec))
                    .endMetadata()
                    .withNewSpec()
                        .addNewParentRef().withGroup("gateway.networking.k8s.io").withKind("Gateway")
                            .withNamespace(route.gatewayNamespace()).withName(route.gatewayName()).endParentRef()
                        .withHostnames(route.host())
                        .addNewRule().withBackendRefs(backends).endRule()
                    .endSpec()
                    .build());
        }
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(ingress(spec, spec.app(), canaryWeight == null ? spec.app() : stableServiceName(spec.app()), Map.of()));
        if (canaryWeight != null) {
            objects.add(ingress(spec, canaryName(spec.app()), canaryName(spec.app()),
                    Map.of(NGINX_CANARY, "true", NGINX_CANARY_WEIGHT, Integer.toString(canaryWeight))));
        }
        return objects;
    }

    /** Whether an object is the app's route (Ingress or HTTPRoute), which a split replaces. */
    public static boolean isRoute(HasMetadata object) {
        return object instanceof Ingress || object instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
    }

    /**
     * ingress-nginx: the canary Ingress with no share, written while the canary winds down so no request
     * reaches it; Gateway API needs nothing, its one route carries the weights.
     */
    public static List<HasMetadata> closedCanary(WorkloadSpec spec) {
        WorkloadSpec.Route route = spec.route();
        if (route == null || route.gatewayApi()) {
            return List.of();
        }
        return List.of(ingress(spec, canaryName(spec.app()), canaryName(spec.app()),
                Map.of(NGINX_CANARY, "true", NGINX_CANARY_WEIGHT, "0")));
    }

    /** What an exact split leaves once a canary ended: the canary Ingress and the two release Services. */
    public static List<HasMetadata> routeLeftovers(WorkloadSpec spec) {
        WorkloadSpec.Route route = spec.route();
        if (route == null) {
            return List.of();
        }
        List<HasMetadata> leftovers = new ArrayList<>();
        if (!route.gatewayApi()) {
            leftovers.add(ingress(spec, canaryName(spec.app()), canaryName(spec.app()), Map.of()));
        }
        leftovers.add(stableService(spec));
        leftovers.add(canaryService(spec));
        return leftovers;
    }

    /** The stable release's own Service, for exact weights: it selects the pods of that release only. */
    public static String stableServiceName(String app) {
        return app + "-stable";
    }

    /** A Service for the pods of one release, e.g. the stable side of an exact canary split. */
    public static Service stableService(WorkloadSpec stable) {
        Service service = service(stable);
        service.getMetadata().setName(stableServiceName(stable.app()));
        service.getSpec().getSelector().put(Labels.RELEASE, Integer.toString(stable.release()));
        return service;
    }

    /** A Service for the canary's pods, the canary side of an exact split. */
    public static Service canaryService(WorkloadSpec target) {
        Service service = service(target);
        service.getMetadata().setName(canaryName(target.app()));
        service.getSpec().getSelector().put(Labels.SLOT, Labels.CANARY_SLOT);
        return service;
    }

    private static HTTPBackendRef backend(String service, @Nullable Integer weight) {
        HTTPBackendRefBuilder builder = new HTTPBackendRefBuilder().withKind("Service").withGroup("")
                .withName(service).withPort(80);
        return weight == null ? builder.build() : builder.withWeight(weight).build();
    }

    private static Ingress ingress(WorkloadSpec spec, String name, String service, Map<String, String> annotations) {
        return new IngressBuilder()
                .withNewMetadata().withName(name).withNamespace(spec.namespace()).withLabels(common(spec))
                    .withAnnotations(new TreeMap<>(annotations)).endMetadata()
                .withNewSpec()
                    .withIngressClassName("nginx")
                    .addNewRule().withHost(Objects.requireNonNull(spec.route()).host())
                        .withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                            .withNewBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort()
                            .endService().endBackend()
                        .endPath().endHttp()
                    .endRule()
                .endSpec()
                .build();
    }

    /** An autoscaling/v2 HPA on CPU utilisation, when the spec asks for autoscaling. */
    public static Optional<HorizontalPodAutoscaler> autoscaler(WorkloadSpec spec) {
        WorkloadSpec.Autoscaling autoscaling = spec.autoscaling();
        if (autoscaling == null) {
            return Optional.empty();
        }
        return Optional.of(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName(spec.app()).withNamespace(spec.namespace()).withLabels(common(spec))
                .endMetadata()
                .withNewSpec()
                    .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(spec.app())
                    .endScaleTargetRef()
                    .withMinReplicas(autoscaling.minReplicas())
                    .withMaxReplicas(autoscaling.maxReplicas())
                    .addNewMetric()
                        .withType("Resource")
                        .withNewResource()
                            .withName("cpu")
                            .withNewTarget().withType("Utilization")
                                .withAverageUtilization(autoscaling.targetCpuPercent()).endTarget()
                        .endResource()
                    .endMetric()
                .endSpec()
                .build());
    }

    /**
     * "25%" stays a string and "1" becomes a number: Kubernetes rejects the string "1" for maxSurge, as
     * only percentages may be strings.
     */
    static IntOrString intOrString(String value) {
        String trimmed = value.strip();
        return WHOLE_NUMBER.matcher(trimmed).matches() ? new IntOrString(Integer.parseInt(trimmed)) : new IntOrString(trimmed);
    }

    /** Labels of every object of the app in this environment, sorted so the YAML is stable. */
    static Map<String, String> common(WorkloadSpec spec) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.NAME, spec.app());
        labels.put(Labels.INSTANCE, spec.app() + "-" + spec.environment());
        labels.put(Labels.MANAGED_BY, Labels.SLIPWAY);
        labels.put(Labels.PART_OF, spec.team());
        labels.put(Labels.APP, spec.app());
        labels.put(Labels.ENV, spec.environment());
        return labels;
    }

    private static Map<String, String> withRelease(WorkloadSpec spec) {
        Map<String, String> labels = common(spec);
        labels.put(Labels.VERSION, "v" + spec.release());
        labels.put(Labels.RELEASE, Integer.toString(spec.release()));
        return labels;
    }

    private static PodSecurityContext podSecurity() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true).withRunAsUser(RUN_AS).withRunAsGroup(RUN_AS).withFsGroup(RUN_AS)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    private static Container container(WorkloadSpec spec) {
        return new ContainerBuilder()
                .withName(spec.app())
                .withImage(spec.image())
                .addNewPort().withName(PORT_NAME).withContainerPort(spec.port()).withProtocol("TCP").endPort()
                .addNewEnv().withName("PORT").withValue(Integer.toString(spec.port())).endEnv()
                .withEnvFrom(envFrom(spec))
                .withResources(resources(spec.resources()))
                .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withRunAsNonRoot(true)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                // The startup probe holds liveness back for up to 5 minutes (60 x 5 s), so a slow start is
                // not mistaken for a hang and killed.
                .withStartupProbe(httpProbe(spec.livenessPath(), 5, 60))
                .withLivenessProbe(httpProbe(spec.livenessPath(), 10, 3))
                .withReadinessProbe(httpProbe(spec.readinessPath(), 5, 3))
                .build();
    }

    private static List<EnvFromSource> envFrom(WorkloadSpec spec) {
        List<EnvFromSource> sources = new ArrayList<>();
        WorkloadSpec.Config config = spec.config();
        if (config != null && !config.variables().isEmpty()) {
            sources.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(configMapName(spec.app(), config.variablesHash()))
                    .endConfigMapRef().build());
        }
        if (config != null && !config.secrets().isEmpty()) {
            sources.add(new EnvFromSourceBuilder().withNewSecretRef().withName(secretName(spec.app(), config.secretsHash()))
                    .endSecretRef().build());
        }
        return sources;
    }

    /** Labels of config objects: the app's, plus a marker that finds them for clean-up. */
    private static Map<String, String> withConfig(WorkloadSpec spec) {
        Map<String, String> labels = common(spec);
        labels.put(Labels.CONFIG, "true");
        return labels;
    }

    private static ResourceRequirements resources(WorkloadSpec.Resources resources) {
        return new ResourceRequirementsBuilder()
                .withRequests(new TreeMap<>(Map.of("cpu", new Quantity(resources.cpuRequest()),
                        "memory", new Quantity(resources.memoryRequest()))))
                .withLimits(new TreeMap<>(Map.of("cpu", new Quantity(resources.cpuLimit()),
                        "memory", new Quantity(resources.memoryLimit()))))
                .build();
    }

    private static Probe httpProbe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(PORT_NAME)).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }
}
