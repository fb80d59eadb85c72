package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppService;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.releases.RunningRelease;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.testing.TestClock;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rolling strategy end to end against the sandbox cluster (fabric8's mock API server with the
 * simulated kubelet), driven by the real engine on the real database.
 */
@SlipwayTest
class RollingDeployTest {

    static final Duration ROLLOUT = Duration.ofSeconds(30);

    @Autowired
    DeployService deploys;
    @Autowired
    AppService apps;
    @Autowired
    KubernetesClients clients;
    @Autowired
    RolloutEngine engine;
    @Autowired
    TestClock clock;
    @Autowired
    Fixtures fixtures;

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
    void a_rolling_deploy_reaches_succeeded_and_the_environment_runs_the_release() {
        RolloutView started = deploys.deploy(developer, app, "dev", image("1.0"));

        RolloutView done = awaitFinished(started);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(done.events()).extracting(RolloutEventView::kind).contains("STARTED", "APPLIED", "PROGRESS", "SUCCEEDED");
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:1.0");
        EnvironmentStatus status = deploys.status(developer, app, "dev");
        assertThat(status.running()).extracting(r -> r.release().number()).isEqualTo(1);
        assertThat(status.live().ready()).isEqualTo(2);
        assertThat(status.live().simulated()).isTrue();
    }

    @Test
    void a_crash_looping_release_is_rolled_back_automatically_with_the_reason() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));

        RolloutView failing = awaitFinished(deploys.deploy(developer, app, "dev",
                new DeployRequest("registry.example.com/shop/app:2.0", SandboxBehaviour.CRASH_LOOP)));

        assertThat(failing.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(failing.reason()).contains("crash-looping").contains("v2");
        assertThat(failing.events()).extracting(RolloutEventView::kind).contains("FAILURE", "ROLLBACK", "ROLLED_BACK");
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:1.0");
        assertThat(running().release().number()).isEqualTo(1);
    }

    @Test
    void a_release_that_never_gets_ready_is_rolled_back_when_the_progress_deadline_passes() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        RolloutView stuck = deploys.deploy(developer, app, "dev",
                new DeployRequest("registry.example.com/shop/app:2.0", SandboxBehaviour.NEVER_READY));
        await().atMost(ROLLOUT).until(() -> deploys.rollout(developer, app, "dev", stuck.id()).events().stream()
                .anyMatch(e -> e.kind().equals("APPLIED")));

        clock.advance(Duration.ofSeconds(121));
        engine.enqueue(stuck.id());

        RolloutView done = awaitFinished(stuck);
        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).contains("No progress for 120 s");
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:1.0");
    }

    @Test
    void rolling_back_to_v1_after_v3_restores_v1s_image_as_a_new_release() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        awaitFinished(deploys.deploy(developer, app, "dev", image("2.0")));
        awaitFinished(deploys.deploy(developer, app, "dev", image("3.0")));

        RolloutView rollback = awaitFinished(deploys.rollback(developer, app, "dev", 1));

        assertThat(rollback.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(rollback.fastTrack()).isTrue();
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:1.0");
        assertThat(running().release().number()).isEqualTo(4);
        assertThat(running().release().rollbackOf()).isEqualTo(1);
        List<ReleaseHistoryEntry> history = deploys.history(developer, app, "dev");
        assertThat(history).extracting(h -> h.release().number()).containsExactly(4, 3, 2, 1);
        assertThat(history.getFirst().running()).isTrue();
    }

    @Test
    void a_paused_rollout_holds_the_deployment_until_resumed_and_an_abort_puts_the_stable_release_back() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        RolloutView slow = deploys.deploy(developer, app, "dev",
                new DeployRequest("registry.example.com/shop/app:2.0", SandboxBehaviour.SLOW_START));

        deploys.pause(developer, app, "dev");
        await().atMost(ROLLOUT).until(() -> Boolean.TRUE.equals(liveDeployment().getSpec().getPaused()));
        assertThat(deploys.status(developer, app, "dev").rollout().phase()).isEqualTo(RolloutPhase.PAUSED);

        deploys.resume(developer, app, "dev");
        await().atMost(ROLLOUT).until(() -> !Boolean.TRUE.equals(liveDeployment().getSpec().getPaused()));

        deploys.abort(developer, app, "dev");
        RolloutView aborted = awaitFinished(slow);
        assertThat(aborted.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(aborted.events()).extracting(RolloutEventView::kind).contains("PAUSED", "RESUMED", "ABORT", "ABORTED");
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:1.0");
    }

    @Test
    void a_new_deploy_supersedes_the_rollout_in_flight() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        RolloutView slow = deploys.deploy(developer, app, "dev",
                new DeployRequest("registry.example.com/shop/app:2.0", SandboxBehaviour.SLOW_START));

        RolloutView replacement = awaitFinished(deploys.deploy(developer, app, "dev", image("3.0")));

        assertThat(deploys.rollout(developer, app, "dev", slow.id()).phase()).isEqualTo(RolloutPhase.SUPERSEDED);
        assertThat(replacement.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(replacement.stableRelease()).isEqualTo(1);
        assertThat(liveImage()).isEqualTo("registry.example.com/shop/app:3.0");
    }

    @Test
    void a_deployed_app_is_removed_from_its_environment_before_it_can_be_deleted() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0")));
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);

        assertThatThrownBy(() -> apps.delete(maintainer, app))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still runs");

        deploys.remove(developer, app, "dev");
        assertThat(liveDeployment()).isNull();
        assertThat(deploys.status(developer, app, "dev").running()).isNull();
        apps.delete(maintainer, app);
    }

    @Test
    void commands_need_a_rollout_in_flight_and_say_so() {
        assertThatThrownBy(() -> deploys.pause(developer, app, "dev"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("nothing to pause");
    }

    @Test
    void only_developers_of_the_team_deploy_and_protected_environments_need_a_maintainer() {
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        Actor outsider = fixtures.member(fixtures.team(), TeamRole.MAINTAINER);

        assertThatThrownBy(() -> deploys.deploy(viewer, app, "dev", image("1.0")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("DEVELOPER");
        assertThatThrownBy(() -> deploys.deploy(outsider, app, "dev", image("1.0"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deploys.deploy(developer, app, "prod", image("1.0")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("protected environment prod")
                .hasMessageContaining("MAINTAINER");
        assertThatThrownBy(() -> deploys.rollback(viewer, app, "dev", 1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> deploys.abort(viewer, app, "dev")).isInstanceOf(ForbiddenException.class);

        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        assertThat(awaitFinished(deploys.deploy(maintainer, app, "prod", image("1.0"))).phase())
                .isEqualTo(RolloutPhase.SUCCEEDED);
    }

    @Test
    void a_bad_image_reference_is_refused_and_nothing_is_released() {
        assertThatThrownBy(() -> deploys.deploy(developer, app, "dev", new DeployRequest("Not An Image", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("image");

        assertThat(deploys.history(developer, app, "dev")).isEmpty();
    }

    private static DeployRequest image(String tag) {
        return new DeployRequest("registry.example.com/shop/app:" + tag, null);
    }

    private RolloutView awaitFinished(RolloutView rollout) {
        String environment = environmentOf(rollout);
        Actor admin = fixtures.bootstrapAdmin();
        await().atMost(ROLLOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(admin, app, environment, rollout.id()).phase().active());
        return deploys.rollout(admin, app, environment, rollout.id());
    }

    private String environmentOf(RolloutView rollout) {
        for (String environment : List.of("dev", "staging", "prod")) {
            try {
                deploys.rollout(fixtures.bootstrapAdmin(), app, environment, rollout.id());
                return environment;
            } catch (NotFoundException e) {
                // not this one
            }
        }
        throw new IllegalStateException("rollout " + rollout.id() + " is in no environment");
    }

    private RunningRelease running() {
        return deploys.status(developer, app, "dev").running();
    }

    private Deployment liveDeployment() {
        return clients.client("sandbox").apps().deployments().inNamespace(app + "-dev").withName(app).get();
    }

    private String liveImage() {
        return liveDeployment().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }
}
