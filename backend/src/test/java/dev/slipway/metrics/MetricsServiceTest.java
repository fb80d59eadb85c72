package dev.slipway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The charts' numbers: the sandbox's recorded samples per release, and markers for the rollouts. */
@SlipwayTest
class MetricsServiceTest {

    @Autowired
    MetricsService metrics;
    @Autowired
    SandboxMetricsRecorder recorder;
    @Autowired
    DeployService deploys;
    @Autowired
    EnvironmentService environments;
    @Autowired
    ClusterService clusters;
    @Autowired
    Fixtures fixtures;

    String app;
    Actor viewer;
    Actor developer;

    @BeforeEach
    void setUp() {
        String team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
        viewer = fixtures.member(team, TeamRole.VIEWER);
    }

    @Test
    void a_sandbox_release_is_charted_per_release_from_samples_with_the_rollouts_as_markers() {
        deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/shop/app:1.0", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> deploys.status(developer, app, "dev").rollout().phase()
                == RolloutPhase.SUCCEEDED);
        deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/shop/app:2.0",
                SandboxBehaviour.BAD_METRICS));
        await().atMost(Duration.ofSeconds(30)).until(() -> deploys.status(developer, app, "dev").rollout().phase()
                == RolloutPhase.SUCCEEDED);

        recorder.sample();
        EnvironmentMetrics seen = metrics.metrics(viewer, app, "dev", Duration.ofMinutes(15));

        assertThat(seen.unavailable()).isNull();
        assertThat(seen.source()).contains("Simulated by the sandbox");
        assertThat(seen.charts()).extracting(EnvironmentMetrics.Chart::key)
                .containsExactly("requests", "errors", "p50", "p99", "cpu", "memory", "restarts", "ready");
        EnvironmentMetrics.Chart errors = chart(seen, "errors");
        assertThat(errors.series()).extracting(EnvironmentMetrics.Series::label).contains("v2");
        assertThat(errors.series().stream().filter(s -> s.label().equals("v2")).findFirst().orElseThrow().points())
                .last().satisfies(p -> assertThat(p.value()).isBetween(0.05, 0.1));
        assertThat(chart(seen, "ready").series().stream().filter(s -> s.label().equals("v2")).findFirst().orElseThrow()
                .points()).last().satisfies(p -> assertThat(p.value()).isEqualTo(2.0));
        assertThat(seen.markers()).extracting(EnvironmentMetrics.Marker::label)
                .containsSubsequence("v1 started", "v1 succeeded", "v2 started", "v2 succeeded");
    }

    @Test
    void a_real_environment_without_prometheus_says_what_to_set_and_one_whose_prometheus_is_down_says_so() {
        Actor admin = fixtures.admin();
        String cluster = Fixtures.unique("kc");
        clusters.register(admin, new ClusterSpec(cluster, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                "https://203.0.113.10:6443", null, false, "token"));
        String name = "m" + (System.nanoTime() % 100000);
        environments.create(admin, new EnvironmentSpec(name, "", cluster, "{app}-{env}", true, false));

        EnvironmentMetrics none = metrics.metrics(viewer, app, name, Duration.ofMinutes(15));

        assertThat(none.charts()).isEmpty();
        assertThat(none.unavailable()).contains("has no Prometheus URL", "Platform > Environments");

        environments.update(admin, name, new EnvironmentSpec(name, "", cluster, "{app}-{env}", true, false,
                "http://127.0.0.1:9"));
        EnvironmentMetrics down = metrics.metrics(viewer, app, name, Duration.ofMinutes(15));

        assertThat(down.unavailable()).contains("could not reach Prometheus at http://127.0.0.1:9");
        assertThat(down.source()).isEqualTo("Prometheus at http://127.0.0.1:9");
    }

    private static EnvironmentMetrics.Chart chart(EnvironmentMetrics metrics, String key) {
        return metrics.charts().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
