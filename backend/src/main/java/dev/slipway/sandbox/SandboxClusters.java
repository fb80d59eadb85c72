package dev.slipway.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The sandbox clusters: for each cluster of kind SANDBOX, an in-process Kubernetes API (fabric8's mock
 * server in CRUD mode, on the loopback interface only) and a {@link SimulatedKubelet} that makes its
 * Deployments behave. Started on first use.
 *
 * <p>Nothing runs in a sandbox, and its state lives in memory: after Slipway restarts, a sandbox starts
 * empty, and the rollout engine, whose state is in the database, recreates what it needs.
 */
@Service
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxClusters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxClusters.class);

    private record Sandbox(KubernetesMockServer server, KubernetesClient client, KubernetesClient kubeletClient,
                           SimulatedKubelet kubelet) {

        void close() {
            kubelet.close();
            kubeletClient.close();
            client.close();
            server.destroy();
        }
    }

    private final SandboxProperties properties;
    private final Clock clock;
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();

    public SandboxClusters(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A client for the sandbox cluster with this name; the sandbox owns it and closes it. */
    public KubernetesClient client(String clusterName) {
        return sandboxes.computeIfAbsent(clusterName, this::start).client();
    }

    /** Where the sandbox's simulated API listens, once it was started. */
    public Optional<String> apiUrl(String clusterName) {
        return Optional.ofNullable(sandboxes.get(clusterName)).map(s -> s.client().getMasterUrl().toString());
    }

    @Override
    public void destroy() {
        List.copyOf(sandboxes.keySet()).forEach(name -> {
            Sandbox sandbox = sandboxes.remove(name);
            if (sandbox != null) {
                sandbox.close();
            }
        });
    }

    private Sandbox start(String name) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        // Loopback only: the simulated API has no authentication at all.
        server.init(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient client = server.createClient();
        KubernetesClient kubeletClient = server.createClient();
        SimulatedKubelet kubelet = new SimulatedKubelet(kubeletClient, properties, clock, name);
        log.info("Sandbox cluster '{}' simulates Kubernetes in-process at {}; nothing really runs.", name,
                client.getMasterUrl());
        return new Sandbox(server, client, kubeletClient, kubelet);
    }
}
