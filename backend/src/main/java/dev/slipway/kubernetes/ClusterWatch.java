package dev.slipway.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one cluster: every Deployment and Pod labelled managed-by=slipway, in all
 * namespaces, cached and indexed by namespace, app and environment.
 */
final class ClusterWatch {

    private static final Logger log = LoggerFactory.getLogger(ClusterWatch.class);
    private static final String BY_WORKLOAD = "slipway.dev/workload";

    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<Pod> pods;

    private ClusterWatch(SharedIndexInformer<Deployment> deployments, SharedIndexInformer<Pod> pods) {
        this.deployments = deployments;
        this.pods = pods;
    }

    /** Starts both informers; they fill their caches in the background. */
    static ClusterWatch start(String cluster, KubernetesClient client, WorkloadListener listener) {
        // Equality selectors only: the sandbox's API server ignores set-based ones and would send everything.
        SharedIndexInformer<Deployment> deployments = client.apps().deployments().inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, Labels.SLIPWAY).runnableInformer(0);
        SharedIndexInformer<Pod> pods = client.pods().inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, Labels.SLIPWAY).runnableInformer(0);
        ClusterWatch watch = new ClusterWatch(deployments, pods);
        prepare(cluster, deployments, listener);
        prepare(cluster, pods, listener);
        deployments.start();
        pods.start();
        return watch;
    }

    boolean synced() {
        return deployments.hasSynced() && pods.hasSynced();
    }

    /** Whether an informer stopped for good, so that the watch has to be started again. */
    boolean stopped() {
        return deployments.stopped().toCompletableFuture().isDone() || pods.stopped().toCompletableFuture().isDone();
    }

    Optional<Deployment> deployment(String namespace, String name) {
        return Optional.ofNullable(deployments.getIndexer().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    List<Deployment> deployments(String namespace, String app, String environment) {
        return deployments.getIndexer().byIndex(BY_WORKLOAD, key(namespace, app, environment));
    }

    List<Pod> pods(String namespace, String app, String environment) {
        return pods.getIndexer().byIndex(BY_WORKLOAD, key(namespace, app, environment));
    }

    void stop() {
        deployments.stop();
        pods.stop();
    }

    private static <T extends HasMetadata> void prepare(String cluster, SharedIndexInformer<T> informer,
                                                        WorkloadListener listener) {
        Function<T, List<String>> byWorkload = object -> workload(object)
                .map(w -> List.of(key(object.getMetadata().getNamespace(), w.app(), w.environment())))
                .orElse(List.of());
        informer.addIndexers(Map.of(BY_WORKLOAD, byWorkload));
        informer.addEventHandler(new Forwarder<>(cluster, listener));
        // Keep trying, also when the very first list fails: a cluster that is down at startup must be picked up
        // when it comes back. fabric8 backs off exponentially between attempts.
        informer.exceptionHandler((started, failure) -> {
            log.warn("Watching cluster {} failed; retrying: {}", cluster, failure.toString());
            return true;
        });
    }

    private static String key(String namespace, String app, String environment) {
        return namespace + "/" + app + "/" + environment;
    }

    private static Optional<Workload> workload(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        if (labels == null || labels.get(Labels.APP) == null || labels.get(Labels.ENV) == null) {
            return Optional.empty();
        }
        return Optional.of(new Workload(labels.get(Labels.APP), labels.get(Labels.ENV)));
    }

    private record Workload(String app, String environment) {
    }

    /** Turns informer events into {@link WorkloadListener} calls; objects without app and env are ignored. */
    private record Forwarder<T extends HasMetadata>(String cluster, WorkloadListener listener)
            implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            forward(object);
        }

        @Override
        public void onUpdate(T before, T after) {
            forward(after);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            forward(object);
        }

        private void forward(T object) {
            workload(object).ifPresent(w -> listener.changed(cluster, object.getMetadata().getNamespace(), w.app(),
                    w.environment()));
        }
    }
}
