package dev.slipway.kubernetes;

import dev.slipway.clusters.ClusterChanged;
import dev.slipway.clusters.ClusterConnection;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.sandbox.SandboxClusters;
import dev.slipway.shared.Actor;
import dev.slipway.shared.InvalidInputException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One fabric8 client per registered cluster, built on first use from the cluster's stored settings and
 * kept until the cluster changes. The sandbox's clients come from {@link SandboxClusters}, which owns
 * them. Also answers platform admins' "Test connection".
 */
@Service
public class KubernetesClients implements DisposableBean {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** A connection test should answer while the admin still looks at the form. */
    static final int CHECK_REQUEST_TIMEOUT_MS = 15_000;

    private static final Logger log = LoggerFactory.getLogger(KubernetesClients.class);

    private final ClusterService clusters;
    private final SandboxClusters sandbox;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    KubernetesClients(ClusterService clusters, SandboxClusters sandbox) {
        this.clusters = clusters;
        this.sandbox = sandbox;
    }

    /**
     * The client for a cluster. Do not close it: it is shared, and closed here when the cluster changes
     * or Slipway stops.
     *
     * @throws dev.slipway.shared.NotFoundException when no cluster has that name
     * @throws IllegalStateException                when the cluster's settings lack what their auth needs
     */
    public KubernetesClient client(String clusterName) {
        return held.computeIfAbsent(clusterName, this::open).client();
    }

    /**
     * Tests a cluster's connection settings: can Slipway reach the API server, and may it create
     * Deployments in {@code namespace}? Uses a fresh client, so it tests the settings as stored now. Every
     * failure of the cluster comes back as a {@link ConnectionCheck} with a message, none as an exception.
     */
    public ConnectionCheck check(Actor actor, String clusterName, String namespace) {
        actor.requirePlatformAdmin("test cluster connections");
        if (!NAMESPACE.matcher(namespace).matches()) {
            // a blank namespace would ask the cluster-wide question and report it as this namespace's answer
            throw new InvalidInputException("namespace", "must be a Kubernetes namespace name: lowercase letters,"
                    + " digits and '-', at most 63 characters, e.g. default");
        }
        ClusterConnection connection = clusters.connection(clusterName);
        if (connection.kind() == ClusterKind.SANDBOX) {
            return ConnectionProbe.sandbox(namespace);
        }
        try (KubernetesClient client = build(connection, CHECK_REQUEST_TIMEOUT_MS)) {
            return ConnectionProbe.probe(client, connection, namespace);
        } catch (RuntimeException e) {
            // Building the client failed: a kubeconfig fabric8 cannot use, a missing token, ...
            log.info("Connection check of cluster {} could not start: {}", clusterName, e.toString());
            return new ConnectionCheck(false, null, null, namespace, ConnectionProbe.explain(e, connection));
        }
    }

    /**
     * Forgets the client of a changed or deleted cluster once the change is committed, so the next
     * {@link #client} builds one from the new settings (evicting before the commit could let another
     * thread cache a client built from the old ones). Ordered after {@link WorkloadObserver}, which stops
     * its informers on this client first.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void clusterChanged(ClusterChanged event) {
        Held old = held.remove(event.name());
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void destroy() {
        List<String> names = List.copyOf(held.keySet());
        names.forEach(name -> {
            Held old = held.remove(name);
            if (old != null) {
                old.close();
            }
        });
    }

    private Held open(String clusterName) {
        ClusterConnection connection = clusters.connection(clusterName);
        if (connection.kind() == ClusterKind.SANDBOX) {
            return new Held(sandbox.client(clusterName), false);
        }
        log.info("Connecting to cluster {} ({})", clusterName, connection);
        return new Held(build(connection, ClientConfigs.REQUEST_TIMEOUT_MS), true);
    }

    private static KubernetesClient build(ClusterConnection connection, int requestTimeoutMs) {
        return new KubernetesClientBuilder().withConfig(ClientConfigs.config(connection, requestTimeoutMs)).build();
    }

    /** A client and whether it is ours to close (the sandbox closes its own). */
    private record Held(KubernetesClient client, boolean owned) {

        void close() {
            if (owned) {
                client.close();
            }
        }
    }
}
