package dev.slipway.kubernetes;

import dev.slipway.clusters.ClusterChanged;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Slipway's view of the live workloads: per cluster, informers on every Deployment and Pod labelled
 * {@code app.kubernetes.io/managed-by=slipway}, started on first use. The rollout engine reads live state
 * from these caches (never from the API server, so a reconcile pass costs no requests) and registers a
 * {@link WorkloadListener} to hear when something changed.
 *
 * <p>Objects returned are the caches' own instances: read them, do not change them.
 */
@Service
public class WorkloadObserver implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkloadObserver.class);

    private final KubernetesClients clients;
    private final ConcurrentMap<String, ClusterWatch> watches = new ConcurrentHashMap<>();
    private final List<WorkloadListener> listeners = new CopyOnWriteArrayList<>();

    WorkloadObserver(KubernetesClients clients) {
        this.clients = clients;
    }

    /**
     * Starts watching a cluster if it is not watched yet.
     *
     * @return whether both caches have been filled; until then, reads below may miss objects, so a
     *         decision based on them could redo work that is already done
     * @throws dev.slipway.shared.NotFoundException when no cluster has that name
     * @throws IllegalStateException                when no client can be built from the cluster's settings
     */
    public boolean watch(String clusterName) {
        return watching(clusterName).synced();
    }

    /** The Deployment of that name as last seen, if Slipway labelled it. */
    public Optional<Deployment> deployment(String clusterName, String namespace, String name) {
        return watching(clusterName).deployment(namespace, name);
    }

    /** All Deployments of an app in one environment as last seen (several during blue-green or canary). */
    public List<Deployment> deployments(String clusterName, String namespace, String app, String environment) {
        return watching(clusterName).deployments(namespace, app, environment);
    }

    /** The pods of an app in one environment as last seen, of every release. */
    public List<Pod> pods(String clusterName, String namespace, String app, String environment) {
        return watching(clusterName).pods(namespace, app, environment);
    }

    public void addListener(WorkloadListener listener) {
        listeners.add(listener);
    }

    public void removeListener(WorkloadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops watching a changed or deleted cluster; the next call starts over with a fresh client. Runs
     * before {@link KubernetesClients} closes the old client, so the informers end quietly.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void clusterChanged(ClusterChanged event) {
        ClusterWatch old = watches.remove(event.name());
        if (old != null) {
            old.stop();
        }
    }

    @Override
    public void destroy() {
        List.copyOf(watches.keySet()).forEach(name -> {
            ClusterWatch old = watches.remove(name);
            if (old != null) {
                old.stop();
            }
        });
    }

    private ClusterWatch watching(String clusterName) {
        ClusterWatch watch = watches.computeIfAbsent(clusterName, this::start);
        if (watch.stopped()) {
            // An informer ends only when told to or when its client was closed under it; start again.
            watches.remove(clusterName, watch);
            watch.stop();
            watch = watches.computeIfAbsent(clusterName, this::start);
        }
        return watch;
    }

    private ClusterWatch start(String clusterName) {
        log.info("Watching Slipway's workloads in cluster {}", clusterName);
        return ClusterWatch.start(clusterName, clients.client(clusterName), this::changed);
    }

    private void changed(String cluster, String namespace, String app, String environment) {
        for (WorkloadListener listener : listeners) {
            try {
                listener.changed(cluster, namespace, app, environment);
            } catch (RuntimeException e) {
                log.error("Workload listener {} failed for {}/{}/{} in cluster {}", listener, namespace, app,
                        environment, cluster, e);
            }
        }
    }
}
