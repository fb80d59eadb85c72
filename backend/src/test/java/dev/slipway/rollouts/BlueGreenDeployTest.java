package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.testing.TestClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The blue-green strategy end to end against the sandbox cluster and its simulated metrics, driven by
 * the real engine on the real database; the test clock moves time past delays and analysis intervals.
 */
@SlipwayTest
class BlueGreenDeployTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration MEASUREMENT = Duration.ofSeconds(31);

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

    String app;
    Actor developer;

    @BeforeEach
    void setUp() {
        String team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void manual_promotion_waits_then_one_switch_sends_traffic_to_the_new_slot_and_the_old_is_scaled_down_after_the_delay() {
        v1InBlue(new DeploySettings.BlueGreen(null, false, 0, 60, null, null));

        RolloutView v2 = deploys.deploy(developer, app, "dev", image("2.0", null));
        RolloutView waiting = awaitPhase(v2, RolloutPhase.PAUSED);

        assertThat(waiting.held()).isTrue();
        assertThat(waiting.reason()).contains("v2 is ready in the green slot", "promote to switch");
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(selectorSlot(app + "-preview")).isEqualTo("green");
        assertThat(replicas(app + "-green")).isEqualTo(3);
        assertThat(running()).isEqualTo(1);

        deploys.promote(developer, app, "dev");
        awaitEvent(v2, e -> e.kind().equals("SWITCHED"));

        assertThat(selectorSlot(app)).isEqualTo("green");
        assertThat(running()).isEqualTo(2);
        assertThat(deploys.rollout(developer, app, "dev", v2.id()).phase()).isEqualTo(RolloutPhase.PROGRESSING);
        assertThat(replicas(app + "-blue")).as("the old slot stays up during the delay").isEqualTo(3);

        tick(v2, Duration.ofSeconds(61));
        RolloutView done = awaitFinished(v2);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(replicas(app + "-blue")).isZero();
        assertThat(deploys.status(developer, app, "dev").live().release()).isEqualTo(2);
    }

    @Test
    void a_failing_pre_promotion_analysis_keeps_the_traffic_on_the_old_release() {
        v1InBlue(new DeploySettings.BlueGreen(null, true, 0, 30, "error-rate", null));

        RolloutView v2 = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.BAD_METRICS));
        awaitEvent(v2, e -> e.kind().equals("PREVIEW"));
        tick(v2, MEASUREMENT);
        RolloutView done = awaitFinished(v2);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).startsWith("Pre-promotion analysis failed: error rate 0.0")
                .endsWith("v1 keeps the traffic");
        assertThat(done.events()).extracting(RolloutEventView::kind).doesNotContain("SWITCHED");
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(replicas(app + "-green")).isZero();
        assertThat(running()).isEqualTo(1);
    }

    @Test
    void a_failing_post_promotion_analysis_switches_back_at_once() {
        v1InBlue(new DeploySettings.BlueGreen(null, true, 0, 30, null, "error-rate"));

        RolloutView v2 = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.BAD_METRICS));
        awaitEvent(v2, e -> e.kind().equals("SWITCHED"));
        assertThat(selectorSlot(app)).isEqualTo("green");
        tick(v2, MEASUREMENT);
        RolloutView done = awaitFinished(v2);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).startsWith("Post-promotion analysis failed").endsWith("switched back to v1");
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(replicas(app + "-green")).isZero();
        assertThat(running()).isEqualTo(1);
        assertThat(done.blueGreen().measurements()).singleElement()
                .satisfies(m -> assertThat(m.phase()).isEqualTo("FAILED"));
    }

    @Test
    void a_rollback_inside_the_scale_down_delay_switches_back_without_starting_a_pod() {
        v1InBlue(new DeploySettings.BlueGreen(null, true, 0, 600, null, null));
        RolloutView v2 = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitEvent(v2, e -> e.kind().equals("SWITCHED"));
        Set<String> bluePods = podNames("blue");
        assertThat(bluePods).hasSize(3);

        RolloutView rollback = deploys.rollback(developer, app, "dev", 1);
        RolloutView switched = awaitEvent(rollback, e -> e.kind().equals("SWITCHED"));

        assertThat(switched.events()).filteredOn(e -> e.kind().equals("SWITCHED")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Instant rollback", "no pod started"));
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(podNames("blue")).isEqualTo(bluePods);
        assertThat(running()).isEqualTo(3);
        assertThat(deploys.rollout(developer, app, "dev", v2.id()).phase()).isEqualTo(RolloutPhase.SUPERSEDED);

        tick(rollback, Duration.ofSeconds(601));
        assertThat(awaitFinished(rollback).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(replicas(app + "-green")).isZero();
        assertThat(podNames("blue")).isEqualTo(bluePods);
    }

    @Test
    void an_app_that_ran_rolling_moves_its_release_into_a_slot_before_the_first_blue_green_rollout() {
        assertThat(awaitFinished(deploys.deploy(developer, app, "dev", image("1.0", null))).phase())
                .isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(deployment(app)).isNotNull();
        useBlueGreen(new DeploySettings.BlueGreen(null, true, 0, 0, null, null));

        RolloutView v2 = awaitFinished(deploys.deploy(developer, app, "dev", image("2.0", null)));

        assertThat(v2.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(v2.events()).extracting(RolloutEventView::kind).contains("SLOTS", "SWITCHED");
        await().atMost(WAIT).until(() -> deployment(app) == null);
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(templateImage(app + "-blue")).endsWith(":2.0");
        assertThat(replicas(app + "-green")).isZero();
    }

    @Test
    void a_rolling_release_after_blue_green_removes_the_slots_once_it_runs() {
        v1InBlue(new DeploySettings.BlueGreen(null, true, 0, 0, null, null));
        DeploySettings current = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(3, current.cpuRequest(), current.cpuLimit(),
                current.memoryRequest(), current.memoryLimit(), current.maxSurge(), current.maxUnavailable(),
                current.progressDeadlineSeconds(), null, DeployStrategy.ROLLING, null, null));

        RolloutView v2 = awaitFinished(deploys.deploy(developer, app, "dev", image("2.0", null)));

        assertThat(v2.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        await().atMost(WAIT).until(() -> deployment(app + "-blue") == null && service(app + "-preview") == null);
        assertThat(templateImage(app)).endsWith(":2.0");
        assertThat(service(app).getSpec().getSelector()).doesNotContainKey("slipway.dev/slot");
        assertThat(deploys.status(developer, app, "dev").live().release()).isEqualTo(2);
    }

    @Test
    void aborting_a_first_release_scales_its_slot_to_zero() {
        useBlueGreen(new DeploySettings.BlueGreen(null, false, 0, 30, null, null));
        RolloutView first = deploys.deploy(developer, app, "dev", image("1.0", SandboxBehaviour.NEVER_READY));
        await().atMost(WAIT).until(() -> deployment(app + "-blue") != null);

        deploys.abort(developer, app, "dev");
        RolloutView done = awaitFinished(first);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(replicas(app + "-blue")).isZero();
        assertThat(deploys.status(developer, app, "dev").running()).isNull();
    }

    @Test
    void an_abort_while_the_running_release_moves_into_a_slot_leaves_the_app_serving_from_its_own_deployment() {
        // v1's pods start slowly, so its copy in a slot is not ready while the test acts
        RolloutView v1 = deploys.deploy(developer, app, "dev", image("1.0", SandboxBehaviour.SLOW_START));
        await().atMost(WAIT).until(() -> clients.client("sandbox").pods().inNamespace(app + "-dev")
                .withLabel("slipway.dev/release", "1").list().getItems().size() == 2);
        tick(v1, Duration.ofSeconds(61));
        assertThat(awaitFinished(v1).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        useBlueGreen(new DeploySettings.BlueGreen(null, false, 0, 30, null, null));
        RolloutView v2 = deploys.deploy(developer, app, "dev", image("2.0", null));
        await().atMost(WAIT).until(() -> deployment(app + "-green") != null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deploys.promote(developer, app, "dev"))
                .hasMessageContaining("still moving into a slot");
        deploys.abort(developer, app, "dev");
        RolloutView done = awaitFinished(v2);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(service(app).getSpec().getSelector()).doesNotContainKey("slipway.dev/slot");
        assertThat(templateImage(app)).endsWith(":1.0");
        assertThat(replicas(app + "-green")).isZero();
        assertThat(deploys.status(developer, app, "dev").running().slot()).isNull();
    }

    /** v1 serves from the blue slot on 3 pods: a first release goes straight there. */
    private void v1InBlue(DeploySettings.BlueGreen options) {
        useBlueGreen(options);
        RolloutView first = awaitFinished(deploys.deploy(developer, app, "dev", image("1.0", null)));
        assertThat(first.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(selectorSlot(app)).isEqualTo("blue");
        assertThat(deploys.status(developer, app, "dev").live().ready()).isEqualTo(3);
    }

    private void useBlueGreen(DeploySettings.BlueGreen options) {
        DeploySettings current = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(3, current.cpuRequest(), current.cpuLimit(),
                current.memoryRequest(), current.memoryLimit(), current.maxSurge(), current.maxUnavailable(),
                current.progressDeadlineSeconds(), null, DeployStrategy.BLUE_GREEN, null, options));
    }

    private int running() {
        return deploys.status(developer, app, "dev").running().release().number();
    }

    private void tick(RolloutView rollout, Duration by) {
        clock.advance(by);
        engine.enqueue(rollout.id());
    }

    private static DeployRequest image(String tag, @Nullable SandboxBehaviour behaviour) {
        return new DeployRequest("registry.example.com/shop/app:" + tag, behaviour);
    }

    private RolloutView awaitFinished(RolloutView rollout) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(developer, app, "dev", rollout.id()).phase().active());
        return deploys.rollout(developer, app, "dev", rollout.id());
    }

    private RolloutView awaitPhase(RolloutView rollout, RolloutPhase phase) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> deploys.rollout(developer, app, "dev", rollout.id()).phase() == phase);
        return deploys.rollout(developer, app, "dev", rollout.id());
    }

    private RolloutView awaitEvent(RolloutView rollout, Predicate<RolloutEventView> event) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> deploys.rollout(developer, app, "dev", rollout.id()).events().stream().anyMatch(event));
        return deploys.rollout(developer, app, "dev", rollout.id());
    }

    private @Nullable Deployment deployment(String name) {
        return clients.client("sandbox").apps().deployments().inNamespace(app + "-dev").withName(name).get();
    }

    private io.fabric8.kubernetes.api.model.@Nullable Service service(String name) {
        return clients.client("sandbox").services().inNamespace(app + "-dev").withName(name).get();
    }

    private String selectorSlot(String service) {
        return service(service).getSpec().getSelector().get("slipway.dev/slot");
    }

    private int replicas(String name) {
        return deployment(name).getSpec().getReplicas();
    }

    private String templateImage(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private Set<String> podNames(String slot) {
        List<Pod> pods = clients.client("sandbox").pods().inNamespace(app + "-dev")
                .withLabel("slipway.dev/slot", slot).list().getItems();
        return pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }
}
