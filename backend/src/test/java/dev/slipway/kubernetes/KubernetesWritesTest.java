package dev.slipway.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesWritesTest {

    static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/payments-staging/deployments/billing-api";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void forgetEarlierRequests() {
        MockRequests.drain(server);
    }

    @Test
    void a_missing_object_is_created_with_the_hash_of_what_was_written() {
        WriteOutcome outcome = KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));

        assertThat(outcome).isEqualTo(WriteOutcome.CREATED);
        Deployment live = liveDeployment();
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo(Specs.IMAGE);
        assertThat(live.getMetadata().getAnnotations()).containsKey(Labels.APPLIED_HASH);
        assertThat(MockRequests.writes(server)).containsExactly("POST /apis/apps/v1/namespaces/payments-staging/deployments");
    }

    @Test
    void the_callers_object_is_not_changed_by_a_write() {
        Deployment desired = Manifests.deployment(Specs.billing());

        KubernetesWrites.apply(client, desired);

        assertThat(desired).isEqualTo(Manifests.deployment(Specs.billing()));
    }

    @Test
    void an_unchanged_object_is_not_written_again() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));
        KubernetesWrites.apply(client, Manifests.service(Specs.billing()));
        MockRequests.drain(server);

        assertThat(KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(KubernetesWrites.apply(client, Manifests.service(Specs.billing()))).isEqualTo(WriteOutcome.UNCHANGED);

        assertThat(MockRequests.writes(server)).isEmpty();
    }

    @Test
    void a_changed_image_updates_the_deployment_in_place() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));
        String before = liveDeployment().getMetadata().getResourceVersion();
        MockRequests.drain(server);

        WriteOutcome outcome = KubernetesWrites.apply(client,
                Manifests.deployment(Specs.release(Specs.billing(), 8, "registry.example.com/billing:8")));

        assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
        Deployment live = liveDeployment();
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("registry.example.com/billing:8");
        assertThat(live.getMetadata().getLabels()).containsEntry(Labels.RELEASE, "8");
        assertThat(live.getMetadata().getResourceVersion()).isNotEqualTo(before);
        assertThat(MockRequests.writes(server)).containsExactly("PUT " + DEPLOYMENT_PATH);
    }

    @Test
    void an_object_slipway_did_not_create_is_refused_and_left_untouched() {
        Deployment foreign = new DeploymentBuilder()
                .withNewMetadata().withName("billing-api").withNamespace("payments-staging")
                .addToLabels("app", "billing-api").endMetadata()
                .withNewSpec().withReplicas(5).withNewTemplate().withNewSpec().addNewContainer().withName("legacy")
                .withImage("legacy:1").endContainer().endSpec().endTemplate().endSpec()
                .build();
        client.resource(foreign).create();
        MockRequests.drain(server);

        assertThatThrownBy(() -> KubernetesWrites.apply(client, Manifests.deployment(Specs.billing())))
                .isInstanceOf(ForeignObjectException.class)
                .hasMessage("A Deployment named billing-api already exists in namespace payments-staging and was not"
                        + " created by Slipway; Slipway leaves it alone. Rename the app or remove that object.");

        Deployment live = liveDeployment();
        assertThat(live.getSpec().getReplicas()).isEqualTo(5);
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("legacy:1");
        assertThat(MockRequests.writes(server)).isEmpty();
    }

    @Test
    void a_conflicting_update_is_retried_after_reading_the_object_again() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));
        // Someone else changed the Deployment between Slipway's read and its write: the API server says 409.
        server.expect().put().withPath(DEPLOYMENT_PATH).andReturn(409, conflict()).once();
        MockRequests.drain(server);

        WriteOutcome outcome = KubernetesWrites.apply(client,
                Manifests.deployment(Specs.release(Specs.billing(), 8, "registry.example.com/billing:8")));

        assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
        assertThat(liveDeployment().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("registry.example.com/billing:8");
        assertThat(MockRequests.writes(server)).containsExactly("PUT " + DEPLOYMENT_PATH, "PUT " + DEPLOYMENT_PATH);
    }

    @Test
    void a_conflict_that_persists_is_given_up_after_five_attempts() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));
        server.expect().put().withPath(DEPLOYMENT_PATH).andReturn(409, conflict()).always();
        MockRequests.drain(server);

        assertThatThrownBy(() -> KubernetesWrites.apply(client,
                Manifests.deployment(Specs.release(Specs.billing(), 8, "registry.example.com/billing:8"))))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

        assertThat(MockRequests.writes(server)).hasSize(KubernetesWrites.MAX_ATTEMPTS);
    }

    @Test
    void replicas_owned_by_an_autoscaler_are_kept_when_the_deployment_changes() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.autoscaled()));
        KubernetesWrites.apply(client, Manifests.autoscaler(Specs.autoscaled()).orElseThrow());
        // the HPA scaled the Deployment up
        client.apps().deployments().inNamespace("payments-staging").withName("billing-api")
                .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(7).endSpec().build());

        WriteOutcome outcome = KubernetesWrites.apply(client,
                Manifests.deployment(Specs.release(Specs.autoscaled(), 8, "registry.example.com/billing:8")));

        assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
        assertThat(liveDeployment().getSpec().getReplicas()).isEqualTo(7);
    }

    @Test
    void without_an_autoscaler_the_deployment_gets_the_replicas_of_the_spec() {
        KubernetesWrites.apply(client, Manifests.deployment(Specs.autoscaled()));
        client.apps().deployments().inNamespace("payments-staging").withName("billing-api")
                .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(7).endSpec().build());

        KubernetesWrites.apply(client, Manifests.deployment(Specs.billing()));

        assertThat(liveDeployment().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void an_existing_namespace_counts_as_unchanged_even_when_an_admin_made_it() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("payments-staging").endMetadata().build())
                .create();
        MockRequests.drain(server);

        WriteOutcome outcome = KubernetesWrites.apply(client, Manifests.namespace(Specs.billing()));

        assertThat(outcome).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(MockRequests.writes(server)).isEmpty();
        assertThat(client.namespaces().withName("payments-staging").get().getMetadata().getLabels()).isNullOrEmpty();
    }

    @Test
    void a_missing_namespace_is_created() {
        assertThat(KubernetesWrites.apply(client, Manifests.namespace(Specs.billing()))).isEqualTo(WriteOutcome.CREATED);
        assertThat(client.namespaces().withName("payments-staging").get().getMetadata().getLabels())
                .containsEntry(Labels.MANAGED_BY, Labels.SLIPWAY);
    }

    @Test
    void what_others_put_on_an_object_survives_an_update_and_what_slipway_dropped_does_not() {
        KubernetesWrites.apply(client, Manifests.service(Specs.billing()));
        client.services().inNamespace("payments-staging").withName("billing-api").edit(s -> {
            s.getSpec().setClusterIP("10.96.0.12");
            s.getMetadata().getAnnotations().put("example.com/owner-note", "kept");
            s.getMetadata().getLabels().put("slipway.dev/slot", "blue");
            return s;
        });
        WorkloadSpec otherTeam = new WorkloadSpec("billing-api", "finance", "staging", "payments-staging", true, 7,
                Specs.IMAGE, 8080, "/healthz", "/ready", 3, Specs.billing().resources(), Specs.billing().rolling(),
                null, Specs.billing().podAnnotations(), null);

        assertThat(KubernetesWrites.apply(client, Manifests.service(otherTeam))).isEqualTo(WriteOutcome.UPDATED);

        Service live = client.services().inNamespace("payments-staging").withName("billing-api").get();
        assertThat(live.getSpec().getClusterIP()).isEqualTo("10.96.0.12");
        assertThat(live.getMetadata().getAnnotations()).containsEntry("example.com/owner-note", "kept");
        assertThat(live.getMetadata().getLabels()).containsEntry(Labels.PART_OF, "finance")
                .doesNotContainKey(Labels.SLOT);
    }

    @Test
    void deleting_a_workload_removes_slipways_objects_of_that_environment_only() {
        WorkloadSpec staging = Specs.autoscaled();
        WorkloadSpec prod = Specs.in("payments-staging", "billing-worker", "prod");
        for (HasMetadata object : List.of(Manifests.deployment(staging), Manifests.service(staging),
                Manifests.autoscaler(staging).orElseThrow(), Manifests.deployment(prod))) {
            KubernetesWrites.apply(client, object);
        }

        assertThat(KubernetesWrites.deleteWorkload(client, "payments-staging", "billing-api", "prod")).isFalse();
        assertThat(liveDeployment()).isNotNull();

        assertThat(KubernetesWrites.deleteWorkload(client, "payments-staging", "billing-api", "staging")).isTrue();

        assertThat(client.apps().deployments().inNamespace("payments-staging").withName("billing-api").get()).isNull();
        assertThat(client.services().inNamespace("payments-staging").withName("billing-api").get()).isNull();
        assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("payments-staging")
                .withName("billing-api").get()).isNull();
        assertThat(client.apps().deployments().inNamespace("payments-staging").withName("billing-worker").get())
                .isNotNull();
        assertThat(KubernetesWrites.deleteWorkload(client, "payments-staging", "billing-api", "staging")).isFalse();
    }

    @Test
    void deleting_a_workload_leaves_an_unlabelled_object_of_the_same_name_alone() {
        client.resource(new DeploymentBuilder().withNewMetadata().withName("billing-api").withNamespace("payments-staging")
                .endMetadata().withNewSpec().withReplicas(1).endSpec().build()).create();

        assertThat(KubernetesWrites.deleteWorkload(client, "payments-staging", "billing-api", "staging")).isFalse();
        assertThat(liveDeployment()).isNotNull();
    }

    @Test
    void the_hash_ignores_the_order_in_which_maps_were_filled() {
        Deployment one = Manifests.deployment(Specs.billing());
        Deployment other = Manifests.deployment(Specs.billing());
        other.getMetadata().setLabels(new LinkedHashMap<>(other.getMetadata().getLabels()).reversed());

        assertThat(KubernetesWrites.hash(other)).isEqualTo(KubernetesWrites.hash(one));
        assertThat(KubernetesWrites.hash(Manifests.deployment(Specs.release(Specs.billing(), 8, Specs.IMAGE))))
                .isNotEqualTo(KubernetesWrites.hash(one));
    }

    private Deployment liveDeployment() {
        return client.apps().deployments().inNamespace("payments-staging").withName("billing-api").get();
    }

    private static Status conflict() {
        return new StatusBuilder().withStatus("Failure").withCode(409).withReason("Conflict")
                .withMessage("Operation cannot be fulfilled on deployments.apps \"billing-api\": the object has been"
                        + " modified; please apply your changes to the latest version and try again").build();
    }
}
