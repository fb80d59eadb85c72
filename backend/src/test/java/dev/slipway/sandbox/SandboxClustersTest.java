package dev.slipway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox behaves like a cluster in the ways a rollout engine can see. */
class SandboxClustersTest {

    static final String NS = "shop-dev";

    final SandboxClusters sandboxes = new SandboxClusters(new SandboxProperties(Duration.ofMillis(200),
            Duration.ofSeconds(60), Duration.ofMillis(150), Duration.ofMillis(40), Duration.ofMillis(40)),
            Clock.systemUTC());
    final KubernetesClient client = sandboxes.client("sandbox");

    @AfterEach
    void close() {
        sandboxes.destroy();
    }

    @Test
    void the_simulated_api_listens_on_loopback_only() {
        URI url = URI.create(sandboxes.apiUrl("sandbox").orElseThrow());

        assertThat(url.getHost()).isIn("127.0.0.1", "localhost");
    }

    @Test
    void a_healthy_deployment_becomes_fully_available_as_kubernetes_reports_it() {
        client.resource(deployment("web", "web:1", 3, SandboxBehaviour.HEALTHY, "25%", "0")).create();

        await().atMost(Duration.ofSeconds(15)).until(() -> complete(live("web")));

        Deployment web = live("web");
        assertThat(web.getStatus().getObservedGeneration()).isGreaterThanOrEqualTo(web.getMetadata().getGeneration());
        assertThat(pods("web")).hasSize(3).allSatisfy(p -> assertThat(SimulatedKubelet.ready(p)).isTrue());
        assertThat(condition(web, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void an_update_replaces_pods_within_max_surge_and_max_unavailable() {
        client.resource(deployment("web", "web:1", 4, SandboxBehaviour.HEALTHY, "1", "0")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> complete(live("web")));
        List<int[]> samples = new CopyOnWriteArrayList<>();

        client.resource(deployment("web", "web:2", 4, SandboxBehaviour.HEALTHY, "1", "0")).update();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<Pod> pods = pods("web");
            samples.add(new int[] {pods.size(), (int) pods.stream().filter(SimulatedKubelet::ready).count()});
            return complete(live("web")) && pods.stream().allMatch(p -> image(p).equals("web:2"));
        });

        assertThat(samples).allSatisfy(s -> assertThat(s[0]).as("pods never above replicas + maxSurge").isLessThanOrEqualTo(5));
        assertThat(samples).allSatisfy(s -> assertThat(s[1]).as("ready never below replicas - maxUnavailable").isGreaterThanOrEqualTo(4));
    }

    @Test
    void crash_looping_pods_restart_again_and_again_and_the_deployment_never_completes() {
        client.resource(deployment("web", "web:1", 2, SandboxBehaviour.CRASH_LOOP, "25%", "0")).create();

        await().atMost(Duration.ofSeconds(15)).until(() -> pods("web").stream().anyMatch(p -> restarts(p) >= 3
                && "CrashLoopBackOff".equals(p.getStatus().getContainerStatuses().getFirst().getState().getWaiting().getReason())));
        assertThat(complete(live("web"))).isFalse();
        assertThat(pods("web")).noneMatch(SimulatedKubelet::ready);
    }

    @Test
    void a_deployment_that_never_gets_ready_reports_its_progress_deadline_exceeded() {
        Deployment stuck = deployment("web", "web:1", 1, SandboxBehaviour.NEVER_READY, "25%", "0");
        stuck.getSpec().setProgressDeadlineSeconds(1);
        client.resource(stuck).create();

        await().atMost(Duration.ofSeconds(15)).until(() -> live("web").getStatus() != null
                && "ProgressDeadlineExceeded".equals(condition(live("web"), "Progressing").getReason()));
        assertThat(condition(live("web"), "Progressing").getStatus()).isEqualTo("False");
    }

    @Test
    void a_paused_deployment_does_not_progress_until_it_is_resumed() {
        Deployment paused = deployment("web", "web:1", 2, SandboxBehaviour.HEALTHY, "25%", "0");
        paused.getSpec().setPaused(true);
        client.resource(paused).create();

        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(pods("web")).isEmpty();

        client.apps().deployments().inNamespace(NS).withName("web").edit(d -> {
            d.getSpec().setPaused(false);
            return d;
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> complete(live("web")));
    }

    @Test
    void deleting_a_deployment_removes_its_pods() {
        client.resource(deployment("web", "web:1", 2, SandboxBehaviour.HEALTHY, "25%", "0")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> complete(live("web")));

        client.apps().deployments().inNamespace(NS).withName("web").delete();

        await().atMost(Duration.ofSeconds(15)).until(() -> pods("web").isEmpty());
    }

    @Test
    void closing_the_sandboxes_stops_their_api_servers() {
        URI url = URI.create(sandboxes.apiUrl("sandbox").orElseThrow());

        sandboxes.destroy();

        assertThat(sandboxes.apiUrl("sandbox")).isEmpty();
        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close()).isInstanceOf(IOException.class);
    }

    private static Deployment deployment(String name, String image, int replicas, SandboxBehaviour behaviour,
                                         String maxSurge, String maxUnavailable) {
        Map<String, String> labels = Map.of("slipway.dev/app", name, "slipway.dev/env", "dev");
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas).withProgressDeadlineSeconds(600)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(maxSurge)).withMaxUnavailable(new IntOrString(maxUnavailable))
                .endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels).withAnnotations(behaviour.podAnnotations())
                .endMetadata().withNewSpec().addNewContainer().withName(name).withImage(image).endContainer()
                .endSpec().endTemplate()
                .endSpec().build();
    }

    private Deployment live(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private List<Pod> pods(String app) {
        return client.pods().inNamespace(NS).withLabel("slipway.dev/app", app).list().getItems();
    }

    private static boolean complete(Deployment d) {
        if (d == null || d.getStatus() == null || d.getStatus().getObservedGeneration() == null) {
            return false;
        }
        int desired = d.getSpec().getReplicas();
        return d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
                && count(d.getStatus().getUpdatedReplicas()) == desired && count(d.getStatus().getReplicas()) == desired
                && count(d.getStatus().getReadyReplicas()) == desired
                && count(d.getStatus().getAvailableReplicas()) == desired;
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        return d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    private static int restarts(Pod pod) {
        return pod.getStatus().getContainerStatuses().getFirst().getRestartCount();
    }

    private static String image(Pod pod) {
        return pod.getSpec().getContainers().getFirst().getImage();
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
