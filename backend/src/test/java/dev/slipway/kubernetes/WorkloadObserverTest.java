package dev.slipway.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.slipway.clusters.ClusterChanged;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WorkloadObserverTest {

    static final String CLUSTER = "local";
    static final String NS = "payments-staging";

    KubernetesMockServer server;
    KubernetesClient client;

    KubernetesClients clients = mock(KubernetesClients.class);
    WorkloadObserver observer = new WorkloadObserver(clients);
    List<String> heard = new CopyOnWriteArrayList<>();
    WorkloadListener listener = (cluster, namespace, app, environment) ->
            heard.add(cluster + " " + namespace + " " + app + " " + environment);

    @BeforeEach
    void watchTheMockCluster() {
        when(clients.client(CLUSTER)).thenReturn(client);
        observer.addListener(listener);
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.watch(CLUSTER));
    }

    @AfterEach
    void stop() {
        observer.destroy();
    }

    @Test
    void a_created_deployment_shows_up_in_the_cache_and_tells_the_listeners_its_app_and_environment() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> observer.deployment(CLUSTER, NS, "billing-api").isPresent());
        assertThat(observer.deployment(CLUSTER, NS, "billing-api").orElseThrow().getSpec().getReplicas()).isEqualTo(3);
        assertThat(observer.deployments(CLUSTER, NS, "billing-api", "staging")).hasSize(1);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(heard).containsExactly("local payments-staging billing-api staging"));
    }

    @Test
    void a_deleted_deployment_leaves_the_cache_and_tells_the_listeners() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> observer.deployment(CLUSTER, NS, "billing-api").isPresent());

        client.apps().deployments().inNamespace(NS).withName("billing-api").delete();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> observer.deployment(CLUSTER, NS, "billing-api").isEmpty());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heard).hasSize(2).allMatch(
                event -> event.equals("local payments-staging billing-api staging")));
    }

    @Test
    void pods_are_found_by_app_and_environment() {
        client.resource(pod("billing-api-1", "billing-api", "staging")).create();
        client.resource(pod("billing-api-2", "billing-api", "staging")).create();
        client.resource(pod("billing-api-prod-1", "billing-api", "prod")).create();
        client.resource(pod("orders-1", "orders", "staging")).create();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(observer.pods(CLUSTER, NS, "billing-api", "staging")).extracting(p -> p.getMetadata().getName())
                        .containsExactlyInAnyOrder("billing-api-1", "billing-api-2"));
        assertThat(observer.pods(CLUSTER, NS, "billing-api", "prod")).hasSize(1);
        assertThat(observer.pods(CLUSTER, "elsewhere", "billing-api", "staging")).isEmpty();
    }

    @Test
    void objects_without_slipways_labels_are_ignored() {
        client.resource(new DeploymentBuilder().withNewMetadata().withName("legacy").withNamespace(NS)
                .addToLabels(Labels.APP, "legacy").addToLabels(Labels.ENV, "staging").endMetadata()
                .withNewSpec().withReplicas(1).endSpec().build()).create();
        client.resource(new PodBuilder().withNewMetadata().withName("half-labelled").withNamespace(NS)
                .addToLabels(Labels.MANAGED_BY, Labels.SLIPWAY).endMetadata().build()).create();
        // Events of one informer arrive in order: once this pod is seen, the one before it has been handled.
        client.resource(pod("billing-api-1", "billing-api", "staging")).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> !observer.pods(CLUSTER, NS, "billing-api", "staging").isEmpty());
        assertThat(observer.deployment(CLUSTER, NS, "legacy")).isEmpty();
        assertThat(observer.deployments(CLUSTER, NS, "legacy", "staging")).isEmpty();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(heard).containsExactly("local payments-staging billing-api staging"));
    }

    @Test
    void a_failing_listener_does_not_keep_the_others_from_hearing() {
        observer.addListener((cluster, namespace, app, environment) -> {
            throw new IllegalStateException("broken listener");
        });
        observer.removeListener(listener);
        observer.addListener(listener);

        client.resource(pod("billing-api-1", "billing-api", "staging")).create();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).hasSize(1));
    }

    @Test
    void a_changed_cluster_is_watched_again_with_a_fresh_client() {
        observer.clusterChanged(new ClusterChanged(CLUSTER));
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));

        await().atMost(Duration.ofSeconds(10)).until(() -> observer.watch(CLUSTER));

        verify(clients, times(2)).client(CLUSTER);
        assertThat(observer.deployment(CLUSTER, NS, "billing-api")).isPresent();
    }

    @Test
    void an_unreachable_cluster_is_not_synced_and_throws_nothing() {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1")
                .withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
            when(clients.client("down")).thenReturn(unreachable);

            assertThat(observer.watch("down")).isFalse();
            assertThat(observer.pods("down", NS, "billing-api", "staging")).isEmpty();
            assertThat(observer.watch("down")).isFalse();
        }
    }

    @Test
    void a_cluster_that_was_down_at_first_is_picked_up_when_it_comes_back() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(0).build();
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer later = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        try (KubernetesClient comingBack = new KubernetesClientBuilder().withConfig(config).build()) {
            when(clients.client("late")).thenReturn(comingBack);
            assertThat(observer.watch("late")).isFalse();

            later.init(InetAddress.getLoopbackAddress(), port);
            try (KubernetesClient direct = later.createClient()) {
                direct.resource(pod("billing-api-1", "billing-api", "staging")).create();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> observer.watch("late"));
            assertThat(observer.pods("late", NS, "billing-api", "staging")).hasSize(1);
        } finally {
            // close the watches first: the mock server waits for open connections when it shuts down
            observer.destroy();
            later.destroy();
        }
    }

    private static Pod pod(String name, String app, String environment) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.SLIPWAY, Labels.APP, app, Labels.ENV, environment))
                .endMetadata().build();
    }
}
