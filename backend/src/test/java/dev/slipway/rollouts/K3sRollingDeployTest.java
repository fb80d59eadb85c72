package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppChanges;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.DeploySettings;
import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.shared.Actor;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The rolling strategy against a real API server and real controllers (k3s in a container). Needs a
 * Docker engine: skipped where there is none, as on the CI machines of this project; everything here also
 * runs against the sandbox in {@link RollingDeployTest}.
 */
@SlipwayTest
@Testcontainers(disabledWithoutDocker = true)
class K3sRollingDeployTest {

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

    static final Duration ROLLOUT = Duration.ofMinutes(4);

    @Autowired
    ClusterService clusters;
    @Autowired
    EnvironmentService environments;
    @Autowired
    AppService apps;
    @Autowired
    DeployService deploys;
    @Autowired
    KubernetesClients clients;
    @Autowired
    Fixtures fixtures;

    Actor admin;
    String cluster;
    String environment;
    String app;

    @BeforeEach
    void registerTheK3sCluster() {
        admin = fixtures.admin();
        cluster = Fixtures.unique("k3s");
        clusters.register(admin, new ClusterSpec(cluster, ClusterKind.KUBERNETES, "k3s in a container",
                ClusterAuth.KUBECONFIG, null, null, false, K3S.getKubeConfigYaml()));
        environment = Fixtures.unique("k3s");
        environments.create(admin, new EnvironmentSpec(environment, "", cluster, "{app}-{env}", true, false));
        String team = fixtures.team();
        app = fixtures.app(team).name();
        // An unprivileged nginx listens on 8080 and runs as any user id, like Slipway's pods require.
        apps.update(admin, app, new AppChanges("", AppSource.IMAGE, null, null,
                "nginxinc/nginx-unprivileged:1.27-alpine", 8080, "/", "/"));
        DeploySettings settings = DeploySettings.defaults();
        apps.updateDeploySettings(admin, app, environment, new DeploySettings(2, settings.cpuRequest(),
                settings.cpuLimit(), "64Mi", "128Mi", "1", "0", 60, null, settings.strategy()));
    }

    @Test
    void a_rolling_deploy_succeeds_on_a_real_api_server() {
        RolloutView started = deploys.deploy(admin, app, environment, new DeployRequest(null, null));

        RolloutView done = awaitFinished(started);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        Deployment live = clients.client(cluster).apps().deployments().inNamespace(app + "-" + environment)
                .withName(app).get();
        assertThat(live.getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void an_image_that_cannot_be_pulled_is_rolled_back_after_the_progress_deadline() {
        awaitFinished(deploys.deploy(admin, app, environment, new DeployRequest(null, null)));

        RolloutView failing = awaitFinished(deploys.deploy(admin, app, environment,
                new DeployRequest("registry.invalid/none/such-image:0", null)));

        assertThat(failing.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        Deployment live = clients.client(cluster).apps().deployments().inNamespace(app + "-" + environment)
                .withName(app).get();
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("nginxinc/nginx-unprivileged:1.27-alpine");
    }

    private RolloutView awaitFinished(RolloutView rollout) {
        await().atMost(ROLLOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !deploys.rollout(admin, app, environment, rollout.id()).phase().active());
        return deploys.rollout(admin, app, environment, rollout.id());
    }
}
