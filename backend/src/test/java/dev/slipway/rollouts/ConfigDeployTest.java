package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigDiff;
import dev.slipway.config.ConfigService;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Config and secrets travelling with releases into the sandbox cluster (fabric8's mock API server). */
@SlipwayTest
@ExtendWith(OutputCaptureExtension.class)
class ConfigDeployTest {

    @Autowired
    DeployService deploys;
    @Autowired
    ConfigService config;
    @Autowired
    AppService apps;
    @Autowired
    KubernetesClients clients;
    @Autowired
    LoggingSystem logging;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    String team;
    String app;
    Actor developer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void a_deploy_writes_the_config_as_a_configmap_and_a_secret_that_the_pods_refer_to() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("LOG_LEVEL", "debug"),
                Map.of("DB_PASSWORD", "pw-for-the-pods"), null, null));

        RolloutView done = awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        List<String> refs = envFromNames(liveDeployment());
        assertThat(refs).hasSize(2);
        ConfigMap configMap = cluster().configMaps().inNamespace(namespace()).withName(refs.get(0)).get();
        Secret secret = cluster().secrets().inNamespace(namespace()).withName(refs.get(1)).get();
        assertThat(configMap.getData()).containsExactly(Map.entry("LOG_LEVEL", "debug"));
        assertThat(configMap.getImmutable()).isTrue();
        assertThat(decode(secret.getData().get("DB_PASSWORD"))).isEqualTo("pw-for-the-pods");
        assertThat(secret.getMetadata().getAnnotations() == null ? Map.of() : secret.getMetadata().getAnnotations())
                .allSatisfy((k, v) -> assertThat(v).doesNotContain("pw-for-the-pods"));
        assertThat(secret.getMetadata().getLabels()).containsEntry("slipway.dev/config", "true")
                .containsEntry("app.kubernetes.io/managed-by", "slipway");
    }

    @Test
    void a_rollback_restores_the_config_references_of_the_release_it_goes_back_to() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("MODE", "one"), Map.of("TOKEN", "token-one"), null, null));
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        List<String> v1Refs = envFromNames(liveDeployment());
        config.change(developer, app, "dev", new ConfigChange(Map.of("MODE", "two"), Map.of("TOKEN", "token-two"), null, null));
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        List<String> v2Refs = envFromNames(liveDeployment());
        assertThat(v2Refs).doesNotContainAnyElementsOf(v1Refs);

        RolloutView rollback = awaitFinished(deploys.rollback(developer, app, "dev", 1));

        assertThat(rollback.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(envFromNames(liveDeployment())).isEqualTo(v1Refs);
        Secret secret = cluster().secrets().inNamespace(namespace()).withName(v1Refs.get(1)).get();
        assertThat(decode(secret.getData().get("TOKEN"))).isEqualTo("token-one");
        // a later deploy takes the newest config again, not the rolled-back one
        assertThat(deploys.preview(developer, app, "dev", image("1.0")).config().changes())
                .extracting(ConfigDiff.KeyChange::describe)
                .containsExactly("variable MODE changed", "secret TOKEN changed (v1 → v2)");
    }

    @Test
    void a_rollback_to_a_release_whose_objects_were_cleaned_up_rebuilds_them() {
        config.change(developer, app, "dev", ConfigChange.setSecret("KEY", "value-0"));
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        List<String> firstRefs = envFromNames(liveDeployment());
        for (int i = 1; i <= 5; i++) {
            config.change(developer, app, "dev", ConfigChange.setSecret("KEY", "value-" + i));
            awaitFinished(deploys.deploy(developer, app, "dev", image("1." + i)));
        }
        assertThat(cluster().secrets().inNamespace(namespace()).withName(firstRefs.getFirst()).get())
                .as("the oldest release's Secret is cleaned up once five newer releases exist").isNull();
        assertThat(cluster().secrets().inNamespace(namespace()).withLabel("slipway.dev/config", "true").list().getItems())
                .hasSize(5);

        RolloutView rollback = awaitFinished(deploys.rollback(developer, app, "dev", 1));

        assertThat(rollback.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(envFromNames(liveDeployment())).isEqualTo(firstRefs);
        assertThat(decode(cluster().secrets().inNamespace(namespace()).withName(firstRefs.getFirst()).get()
                .getData().get("KEY"))).isEqualTo("value-0");
    }

    @Test
    void a_secret_altered_in_the_database_fails_the_rollout_with_a_reason_instead_of_retrying_forever() {
        config.change(developer, app, "dev", ConfigChange.setSecret("SIGNING_KEY", "original"));
        jdbc.update("""
                update sealed_values set ciphertext = set_byte(ciphertext, 13, get_byte(ciphertext, 13) # 8)
                where id = (select (entries -> 'secrets' -> 'SIGNING_KEY' ->> 'sealedId')::uuid from config_versions
                            where app_id = (select id from apps where name = ?))""", app);

        RolloutView failed = awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));

        assertThat(failed.phase()).isEqualTo(RolloutPhase.FAILED);
        assertThat(failed.reason()).contains("could not be decrypted").contains("Set the app's secrets again in dev");
        assertThat(liveDeployment()).isNull();
    }

    @Test
    void the_preview_shows_image_config_and_settings_changes_before_a_deploy() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        config.change(developer, app, "dev", new ConfigChange(Map.of("FEATURE", "on"), Map.of("API_KEY", "k-1"), null, null));

        DeployPreview preview = deploys.preview(developer, app, "dev", image("2.0"));

        assertThat(preview.running()).isEqualTo("v1");
        assertThat(preview.imageFrom()).endsWith(":1.0");
        assertThat(preview.imageTo()).endsWith(":2.0");
        assertThat(preview.configFrom()).isNull();
        assertThat(preview.configTo()).isEqualTo(1);
        assertThat(preview.config().changes()).extracting(ConfigDiff.KeyChange::describe)
                .containsExactly("variable FEATURE added", "secret API_KEY added");
        assertThat(preview.toString()).doesNotContain("k-1");
        assertThat(preview.fastTracked()).isFalse();
        assertThat(preview.settings()).isEmpty();
        assertThat(deploys.history(developer, app, "dev")).hasSize(1);
    }

    @Test
    void the_preview_lists_each_setting_that_changes_with_both_values() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        DeploySettings current = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(5, current.cpuRequest(), "1",
                current.memoryRequest(), current.memoryLimit(), current.maxSurge(), current.maxUnavailable(),
                current.progressDeadlineSeconds(), current.autoscaling(), current.strategy()));

        DeployPreview preview = deploys.preview(developer, app, "dev", image("1.0"));

        assertThat(preview.imageChanges()).isFalse();
        assertThat(preview.settings()).containsExactly(
                new DeployPreview.SettingChange("replicas", "2", "5"),
                new DeployPreview.SettingChange("cpu", "100m / 500m", "100m / 1"));
        assertThat(preview.fastTracked()).as("different settings are not a redeploy of what runs").isFalse();
    }

    @Test
    void removing_the_app_from_an_environment_deletes_its_config_objects_too() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("A", "1"), Map.of("S", "s-value"), null, null));
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));

        deploys.remove(developer, app, "dev");

        assertThat(cluster().configMaps().inNamespace(namespace()).withLabel("slipway.dev/config", "true").list()
                .getItems()).isEmpty();
        assertThat(cluster().secrets().inNamespace(namespace()).withLabel("slipway.dev/config", "true").list()
                .getItems()).isEmpty();
    }

    @Test
    void a_whole_deploy_logs_none_of_the_secret_values(CapturedOutput output) {
        String secret = "log-canary-" + System.nanoTime();
        LogLevel slipway = logging.getLoggerConfigurations().stream().filter(c -> c.getName().equals("dev.slipway"))
                .map(c -> c.getConfiguredLevel()).filter(Objects::nonNull).findFirst().orElse(null);
        logging.setLogLevel("dev.slipway", LogLevel.DEBUG);
        logging.setLogLevel("io.fabric8", LogLevel.DEBUG);
        try {
            config.change(developer, app, "dev", ConfigChange.setSecret("CANARY", secret));
            awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
            config.change(developer, app, "dev", ConfigChange.setSecret("CANARY", secret + "-2"));
            awaitFinished(deploys.deploy(developer, app, "dev", image("2.0")));
            awaitFinished(deploys.rollback(developer, app, "dev", 1));
        } finally {
            logging.setLogLevel("dev.slipway", slipway);
            logging.setLogLevel("io.fabric8", null);
        }

        assertThat(output.getAll()).isNotEmpty().doesNotContain(secret)
                .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private KubernetesClient cluster() {
        return clients.client("sandbox");
    }

    private String namespace() {
        return app + "-dev";
    }

    private Deployment liveDeployment() {
        return cluster().apps().deployments().inNamespace(namespace()).withName(app).get();
    }

    private static List<String> envFromNames(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom().stream()
                .map(ConfigDeployTest::name).toList();
    }

    private static String name(EnvFromSource source) {
        return source.getConfigMapRef() != null ? source.getConfigMapRef().getName() : source.getSecretRef().getName();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static DeployRequest image(String tag) {
        return new DeployRequest("registry.example.com/shop/app:" + tag, null);
    }

    private RolloutView awaitFinished(RolloutView rollout) {
        Actor admin = fixtures.bootstrapAdmin();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(admin, app, "dev", rollout.id()).phase().active());
        return deploys.rollout(admin, app, "dev", rollout.id());
    }
}
