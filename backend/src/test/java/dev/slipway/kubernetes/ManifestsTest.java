package dev.slipway.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    /**
     * Set to the golden directory (backend/src/test/resources/golden) to rewrite the expected files from
     * the builders' current output; review the diff before committing it.
     */
    static final String WRITE_GOLDEN = "slipway.golden.write";

    @Test
    void the_built_objects_match_the_reviewed_yaml() throws IOException {
        List<String> mismatches = new ArrayList<>();
        golden("namespace.yaml", Manifests.namespace(Specs.billing()), mismatches);
        golden("deployment.yaml", Manifests.deployment(Specs.billing()), mismatches);
        golden("deployment-canary.yaml", Manifests.canaryDeployment(Specs.billing().withReplicas(1)), mismatches);
        WorkloadSpec nginx = Specs.routed(Specs.billing(), new WorkloadSpec.Route(false, "billing.apps.example.com", "", ""));
        golden("ingress-canary.yaml", Manifests.route(nginx, 20).get(1), mismatches);
        WorkloadSpec gateway = Specs.routed(Specs.billing(),
                new WorkloadSpec.Route(true, "billing.apps.example.com", "gateway-system", "public"));
        golden("httproute-split.yaml", Manifests.route(gateway, 20).getFirst(), mismatches);
        golden("service.yaml", Manifests.service(Specs.billing()), mismatches);
        golden("deployment-autoscaled.yaml", Manifests.deployment(Specs.autoscaled()), mismatches);
        golden("autoscaler.yaml", Manifests.autoscaler(Specs.autoscaled()).orElseThrow(), mismatches);
        WorkloadSpec configured = Specs.withConfig(Specs.billing(), CONFIG);
        golden("deployment-with-config.yaml", Manifests.deployment(configured), mismatches);
        golden("configmap.yaml", Manifests.configMap(configured).orElseThrow(), mismatches);
        golden("secret.yaml", Manifests.secret(configured).orElseThrow(), mismatches);
        if (!mismatches.isEmpty()) {
            fail("Built objects differ from the golden files (rerun with -D" + WRITE_GOLDEN
                    + "=<backend>/src/test/resources/golden to accept them after review):\n"
                    + String.join("\n", mismatches));
        }
    }

    static final WorkloadSpec.Config CONFIG = new WorkloadSpec.Config("a1b2c3d4e5",
            Map.of("LOG_LEVEL", "info", "FEATURE_X", "on"), "f6e5d4c3b2", Map.of("DB_PASSWORD", "s3cret"));

    @Test
    void config_objects_are_immutable_named_by_hash_and_referenced_by_the_pods() {
        WorkloadSpec spec = Specs.withConfig(Specs.billing(), CONFIG);

        assertThat(Manifests.configMap(spec).orElseThrow().getMetadata().getName()).isEqualTo("billing-api-config-a1b2c3d4e5");
        assertThat(Manifests.secret(spec).orElseThrow().getMetadata().getName()).isEqualTo("billing-api-secret-f6e5d4c3b2");
        assertThat(Manifests.secret(spec).orElseThrow().getImmutable()).isTrue();
        assertThat(Manifests.deployment(spec).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom())
                .extracting(e -> e.getConfigMapRef() != null ? e.getConfigMapRef().getName() : e.getSecretRef().getName())
                .containsExactly("billing-api-config-a1b2c3d4e5", "billing-api-secret-f6e5d4c3b2");
        assertThat(spec.toString()).doesNotContain("s3cret");
    }

    @Test
    void without_config_there_are_no_config_objects_and_no_references() {
        WorkloadSpec empty = Specs.withConfig(Specs.billing(), new WorkloadSpec.Config("x", Map.of(), "y", Map.of()));

        assertThat(Manifests.configMap(empty)).isEmpty();
        assertThat(Manifests.secret(empty)).isEmpty();
        assertThat(Manifests.deployment(empty).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom())
                .isEmpty();
    }

    @Test
    void every_object_carries_the_slipway_labels() {
        WorkloadSpec spec = Specs.autoscaled();
        List<HasMetadata> objects = List.of(Manifests.namespace(spec), Manifests.deployment(spec),
                Manifests.service(spec), Manifests.autoscaler(spec).orElseThrow());

        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getLabels()).as(object.getKind()).containsAllEntriesOf(Map.of(
                    "app.kubernetes.io/name", "billing-api",
                    "app.kubernetes.io/instance", "billing-api-staging",
                    "app.kubernetes.io/managed-by", "slipway",
                    "app.kubernetes.io/part-of", "payments",
                    "slipway.dev/app", "billing-api",
                    "slipway.dev/env", "staging"));
        }
        assertThat(Manifests.namespace(spec).getMetadata().getLabels())
                .doesNotContainKeys(Labels.RELEASE, Labels.VERSION);
        assertThat(Manifests.namespace(spec).getMetadata().getName()).isEqualTo("payments-staging");
    }

    @Test
    void the_deployment_and_its_pods_name_the_release() {
        Deployment deployment = Manifests.deployment(Specs.billing());

        Map<String, String> release = Map.of("app.kubernetes.io/version", "v7", "slipway.dev/release", "7");
        assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(release);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(release);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("slipway.dev/revision", "7");
        assertThat(deployment.getMetadata().getName()).isEqualTo("billing-api");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("payments-staging");
    }

    @Test
    void selectors_stay_the_same_across_releases_because_kubernetes_cannot_change_them() {
        Deployment v7 = Manifests.deployment(Specs.billing());
        Deployment v8 = Manifests.deployment(Specs.release(Specs.billing(), 8, "registry.example.com/other:2"));

        Map<String, String> selector = Map.of("slipway.dev/app", "billing-api", "slipway.dev/env", "staging");
        assertThat(v7.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(v8.getSpec().getSelector()).isEqualTo(v7.getSpec().getSelector());
        assertThat(Manifests.service(Specs.billing()).getSpec().getSelector()).isEqualTo(selector);
        assertThat(v8.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
    }

    @Test
    void probes_use_the_named_port_and_give_a_slow_start_five_minutes() {
        Container container = container(Manifests.deployment(Specs.billing()));

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getStartupProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
                .isEqualTo(300);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
        assertThat(container.getLivenessProbe().getFailureThreshold()).isEqualTo(3);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(container.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(container.getReadinessProbe().getPeriodSeconds()).isEqualTo(5);
        assertThat(container.getEnv()).singleElement().satisfies(env -> {
            assertThat(env.getName()).isEqualTo("PORT");
            assertThat(env.getValue()).isEqualTo("8080");
        });
    }

    @Test
    void the_container_gets_the_requested_resources_and_limits() {
        Container container = container(Manifests.deployment(Specs.billing()));

        assertThat(container.getResources().getRequests())
                .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")));
        assertThat(container.getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("1"), "memory", new Quantity("512Mi")));
    }

    @Test
    void pods_run_as_non_root_without_privileges_or_a_service_account_token() {
        Deployment deployment = Manifests.deployment(Specs.billing());
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(deployment);

        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .isEqualTo(Map.of("slipway.dev/sandbox", "healthy"));
    }

    @Test
    void without_autoscaling_there_is_no_hpa_and_the_deployment_sets_replicas() {
        WorkloadSpec spec = Specs.billing();

        assertThat(Manifests.autoscaler(spec)).isEmpty();
        assertThat(Manifests.deployment(spec).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void with_autoscaling_the_hpa_owns_the_replicas_and_the_deployment_leaves_them_out() {
        WorkloadSpec spec = Specs.autoscaled();
        HorizontalPodAutoscaler hpa = Manifests.autoscaler(spec).orElseThrow();

        assertThat(Manifests.deployment(spec).getSpec().getReplicas()).isNull();
        assertThat(Serialization.asYaml(Manifests.deployment(spec))).doesNotContain("replicas:");
        assertThat(hpa.getMetadata().getName()).isEqualTo("billing-api");
        assertThat(hpa.getMetadata().getNamespace()).isEqualTo("payments-staging");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("billing-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        });
    }

    @Test
    void percentages_stay_strings_and_whole_numbers_become_integers() {
        Deployment percent = Manifests.deployment(Specs.rolling(Specs.billing(), "25%", "10%"));
        Deployment counts = Manifests.deployment(Specs.rolling(Specs.billing(), "1", "0"));

        assertThat(percent.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(percent.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal()).isEqualTo("25%");
        assertThat(percent.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("10%");
        assertThat(counts.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(counts.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(Serialization.asYaml(counts)).contains("maxSurge: 1\n").contains("maxUnavailable: 0\n");
        assertThat(Serialization.asYaml(percent)).contains("maxSurge: \"25%\"");
        assertThat(counts.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
        assertThat(counts.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    }

    @Test
    void the_service_sends_port_80_to_the_named_container_port() {
        Service service = Manifests.service(Specs.billing());

        assertThat(service.getMetadata().getName()).isEqualTo("billing-api");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
        });
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).singleElement().extracting(Container::getName).isEqualTo("billing-api");
        return containers.getFirst();
    }

    private static void golden(String file, HasMetadata object, List<String> mismatches) throws IOException {
        String actual = Serialization.asYaml(object);
        String writeTo = System.getProperty(WRITE_GOLDEN);
        if (writeTo != null) {
            Files.writeString(Path.of(writeTo, file), actual);
            return;
        }
        String expected;
        try (InputStream in = ManifestsTest.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                mismatches.add("golden/" + file + " is missing");
                return;
            }
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            mismatches.add("--- golden/" + file + "\n+++ built\n" + LineDiff.of(expected, actual));
        }
    }

    @Test
    void the_canary_runs_beside_the_stable_deployment_and_the_one_service_selects_both() {
        WorkloadSpec spec = Specs.billing();
        Deployment stable = Manifests.deployment(spec);
        Deployment canary = Manifests.canaryDeployment(spec.withReplicas(1));
        Map<String, String> serviceSelector = Manifests.service(spec).getSpec().getSelector();

        assertThat(canary.getMetadata().getName()).isEqualTo(spec.app() + "-canary");
        assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
        assertThat(canary.getSpec().getSelector().getMatchLabels()).containsEntry(Labels.SLOT, "canary");
        assertThat(canary.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(Labels.SLOT, "canary")
                .containsAllEntriesOf(serviceSelector);
        assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey(Labels.SLOT)
                .containsAllEntriesOf(serviceSelector);
        // the stable Deployment's selector must not pick up the slot: it is immutable in existing clusters
        assertThat(stable.getSpec().getSelector().getMatchLabels()).doesNotContainKey(Labels.SLOT);
    }

    @Test
    void an_exact_split_sends_the_weight_to_the_canary_service_and_the_rest_to_the_stable_releases_own() {
        WorkloadSpec nginx = Specs.routed(Specs.billing(), new WorkloadSpec.Route(false, "billing.apps.example.com", "", ""));

        List<HasMetadata> plain = Manifests.route(nginx, null);
        List<HasMetadata> split = Manifests.route(nginx, 35);

        assertThat(plain).singleElement().satisfies(o -> assertThat(backendOf(o)).isEqualTo("billing-api"));
        assertThat(split).hasSize(2);
        assertThat(backendOf(split.get(0))).isEqualTo("billing-api-stable");
        assertThat(backendOf(split.get(1))).isEqualTo("billing-api-canary");
        assertThat(split.get(1).getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/canary", "true")
                .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "35");
        assertThat(Manifests.stableService(nginx).getSpec().getSelector()).containsEntry(Labels.RELEASE, "7")
                .doesNotContainKey(Labels.SLOT);
        assertThat(Manifests.canaryService(nginx).getSpec().getSelector()).containsEntry(Labels.SLOT, "canary");
        assertThat(Manifests.route(Specs.billing(), 35)).as("no router, no route").isEmpty();
    }

    private static String backendOf(HasMetadata ingress) {
        return ((io.fabric8.kubernetes.api.model.networking.v1.Ingress) ingress).getSpec().getRules().getFirst()
                .getHttp().getPaths().getFirst().getBackend().getService().getName();
    }
}
