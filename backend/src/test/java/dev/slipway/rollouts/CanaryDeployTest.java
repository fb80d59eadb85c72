package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.testing.TestClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The canary strategy end to end against the sandbox cluster (fabric8's mock API server with the
 * simulated kubelet) and its simulated metrics, driven by the real engine on the real database. Time
 * moves by the test clock: pauses and analysis intervals pass without waiting for them.
 */
@SlipwayTest
class CanaryDeployTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The built-in templates measure every 30 s after a first delay of 30 s. */
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
    void the_canary_gets_the_share_of_pods_each_step_sets_and_then_the_stable_deployment_takes_the_release() {
        stableV1WithCanarySteps("setWeight 20\npause 10s\nsetWeight 60\npause 10s");

        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("20%"));

        assertThat(replicas(app + "-canary")).isEqualTo(1);
        assertThat(replicas(app)).isEqualTo(4);
        assertThat(templateImage(app)).endsWith(":1.0");
        assertThat(templateImage(app + "-canary")).endsWith(":2.0");
        assertThat(deploys.rollout(developer, app, "dev", canary.id()).canary())
                .satisfies(c -> {
                    assertThat(c.current()).isEqualTo(1);
                    assertThat(c.steps()).containsExactly("setWeight 20", "pause 10s", "setWeight 60", "pause 10s");
                });

        tick(canary, Duration.ofSeconds(11));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("60%"));
        assertThat(replicas(app + "-canary")).isEqualTo(3);
        assertThat(replicas(app)).isEqualTo(2);

        tick(canary, Duration.ofSeconds(11));
        RolloutView done = awaitFinished(canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(events(done)).extracting(RolloutEventView::message)
                .contains("Step 1 of 4: 1 canary pod and 4 stable: 20% of requests",
                        "Step 3 of 4: 3 canary pods and 2 stable: 60% of requests");
        assertThat(templateImage(app)).endsWith(":2.0");
        assertThat(replicas(app)).isEqualTo(5);
        assertThat(replicas(app + "-canary")).isZero();
        assertThat(deploys.status(developer, app, "dev").running().release().number()).isEqualTo(2);
    }

    @Test
    void a_failing_analysis_aborts_with_the_values_and_sends_all_traffic_back_to_the_untouched_stable_release() {
        stableV1WithCanarySteps("setWeight 20\nanalysis error-rate\nsetWeight 50");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.BAD_METRICS));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT"));

        tick(canary, MEASUREMENT);
        RolloutView done = awaitFinished(canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).startsWith("Analysis failed at step 2 of 3, weight 20%: error rate 0.0")
                .contains(">= 0.05 in 1 of 1 measurements");
        assertThat(done.canary().measurements()).singleElement().satisfies(m -> {
            assertThat(m.metric()).isEqualTo("error-rate");
            assertThat(m.phase()).isEqualTo("FAILED");
            assertThat(m.value()).isBetween(0.05, 0.1);
        });
        assertThat(replicas(app + "-canary")).isZero();
        assertThat(replicas(app)).isEqualTo(5);
        assertThat(templateImage(app)).endsWith(":1.0");
        assertThat(releaseLabelOf(app)).isEqualTo("1");
        await().atMost(WAIT).until(() -> podsOfRelease(2).isEmpty());
        assertThat(deploys.status(developer, app, "dev").running().release().number()).isEqualTo(1);
    }

    @Test
    void a_passing_analysis_goes_on_to_the_next_step() {
        stableV1WithCanarySteps("setWeight 20\nanalysis error-rate p99-latency\nsetWeight 50\npause");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT"));

        for (int i = 0; i < 3; i++) {
            tick(canary, MEASUREMENT);
            int taken = i + 1;
            await().atMost(WAIT).until(() -> deploys.rollout(developer, app, "dev", canary.id()).canary()
                    .measurements().size() == 2 * taken);
        }

        RolloutView passed = awaitEvent(canary, e -> e.kind().equals("ANALYSIS_PASSED"));
        assertThat(events(passed)).filteredOn(e -> e.kind().equals("ANALYSIS_PASSED")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("error rate", "in 3 of 3 measurements", "p99 latency"));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("50%"));
    }

    @Test
    void an_inconclusive_analysis_pauses_and_only_a_promotion_goes_on() {
        stableV1WithCanarySteps("setWeight 20\nanalysis error-rate\nsetWeight 40\npause");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.NO_TRAFFIC));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT"));

        tick(canary, MEASUREMENT);
        awaitMeasurements(canary, 1);
        tick(canary, MEASUREMENT);
        RolloutView paused = awaitPhase(canary, RolloutPhase.PAUSED);

        assertThat(paused.held()).isTrue();
        assertThat(paused.reason()).startsWith("Analysis inconclusive at step 2 of 4, weight 20%")
                .contains("in 2 of 2 measurements");
        assertThat(replicas(app + "-canary")).isEqualTo(1);
        assertThatThrownBy(() -> deploys.resume(developer, app, "dev"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Promote");

        deploys.promote(developer, app, "dev");

        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("40%"));
        assertThat(replicas(app + "-canary")).isEqualTo(2);
    }

    @Test
    void a_metric_source_that_keeps_erroring_fails_the_metric_after_the_consecutive_error_limit() {
        stableV1WithCanarySteps("setWeight 20\nanalysis error-rate");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.METRICS_DOWN));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT"));

        for (int taken = 1; taken <= 3; taken++) {
            tick(canary, MEASUREMENT);
            awaitMeasurements(canary, taken);
            assertThat(deploys.rollout(developer, app, "dev", canary.id()).phase()).isEqualTo(RolloutPhase.PROGRESSING);
        }
        tick(canary, MEASUREMENT);
        RolloutView done = awaitFinished(canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).contains("error rate could not be measured 4 times in a row (limit 3)",
                "simulated Prometheus failed the query");
        assertThat(done.canary().measurements()).extracting(CanaryView.MeasurementView::phase).containsOnly("ERROR");
        assertThat(done.canary().measurements()).extracting(CanaryView.MeasurementView::value).containsOnlyNulls();
    }

    @Test
    void a_background_analysis_that_fails_aborts_the_step_that_runs() {
        stableV1WithCanarySteps("setWeight 20\nbackground error-rate\npause 5m\nsetWeight 50");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.BAD_METRICS));
        awaitEvent(canary, e -> e.kind().equals("BACKGROUND"));

        tick(canary, MEASUREMENT);
        RolloutView done = awaitFinished(canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(done.reason()).startsWith("Background analysis failed at step 3 of 4, weight 20%: error rate 0.0");
        assertThat(done.canary().measurements()).singleElement().satisfies(m -> assertThat(m.step()).isZero());
        assertThat(replicas(app + "-canary")).isZero();
        assertThat(templateImage(app)).endsWith(":1.0");
    }

    @Test
    void an_unhealthy_stable_release_does_not_hold_up_the_canary_that_may_fix_it() {
        stableV1WithCanarySteps("setWeight 40\npause");
        // the stable pods stop passing their readiness probe: the sandbox reads the behaviour from each pod
        for (Pod pod : podsOfRelease(1)) {
            clients.client("sandbox").pods().inNamespace(app + "-dev").withName(pod.getMetadata().getName())
                    .edit(p -> {
                        p.getMetadata().getAnnotations().put(SandboxBehaviour.ANNOTATION, "NEVER_READY");
                        return p;
                    });
        }
        await().atMost(WAIT).until(() -> deploys.status(developer, app, "dev").live().ready() == 0);

        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));

        RolloutView paused = awaitPhase(canary, RolloutPhase.PAUSED);
        assertThat(paused.events()).extracting(RolloutEventView::message)
                .contains("Step 1 of 2: 2 canary pods and 3 stable: 40% of requests");
        deploys.promote(developer, app, "dev");
        assertThat(awaitFinished(canary).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
    }

    @Test
    void time_spent_paused_by_a_user_does_not_count_against_a_pause_step() {
        stableV1WithCanarySteps("setWeight 20\npause 60s\nsetWeight 50\npause");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT"));
        deploys.pause(developer, app, "dev");

        clock.advance(Duration.ofMinutes(5));
        deploys.resume(developer, app, "dev");
        engine.enqueue(canary.id());

        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> deploys.rollout(developer, app, "dev",
                canary.id()).events().stream().noneMatch(e -> e.message().contains("50%")));
        tick(canary, Duration.ofSeconds(61));
        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("50%"));
    }

    @Test
    void an_inconclusive_background_analysis_is_accepted_by_a_promotion_and_measures_afresh() {
        stableV1WithCanarySteps("setWeight 20\nbackground error-rate\npause 10m\nsetWeight 50");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.NO_TRAFFIC));
        awaitEvent(canary, e -> e.kind().equals("BACKGROUND"));
        tick(canary, MEASUREMENT);
        awaitMeasurements(canary, 1);
        tick(canary, MEASUREMENT);
        RolloutView held = awaitPhase(canary, RolloutPhase.PAUSED);
        assertThat(held.reason()).startsWith("Background analysis inconclusive at step 3 of 4");

        deploys.promote(developer, app, "dev");

        RolloutView going = awaitPhase(canary, RolloutPhase.PROGRESSING);
        assertThat(going.events()).extracting(RolloutEventView::message)
                .anyMatch(m -> m.contains("inconclusive background analysis is accepted"));
        assertThat(going.canary().current()).as("the step goes on; it is not skipped").isEqualTo(2);
    }

    @Test
    void a_stable_release_that_ran_with_an_autoscaler_gets_a_fixed_share_and_its_autoscaler_goes_while_the_canary_runs() {
        DeploySettings d = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(4, d.cpuRequest(), d.cpuLimit(),
                d.memoryRequest(), d.memoryLimit(), d.maxSurge(), d.maxUnavailable(), d.progressDeadlineSeconds(),
                new DeploySettings.Autoscaling(2, 6, 70), DeployStrategy.ROLLING, null));
        assertThat(awaitFinished(deploys.deploy(developer, app, "dev", image("1.0", null))).phase())
                .isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(autoscaler()).isNotNull();
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(4, d.cpuRequest(), d.cpuLimit(),
                d.memoryRequest(), d.memoryLimit(), d.maxSurge(), d.maxUnavailable(), d.progressDeadlineSeconds(), null,
                DeployStrategy.CANARY, "setWeight 25\npause"));

        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitPhase(canary, RolloutPhase.PAUSED);

        assertThat(replicas(app)).isEqualTo(3);
        assertThat(replicas(app + "-canary")).isEqualTo(1);
        await().atMost(WAIT).until(() -> autoscaler() == null);
    }

    private io.fabric8.kubernetes.api.model.autoscaling.v2.@Nullable HorizontalPodAutoscaler autoscaler() {
        return clients.client("sandbox").autoscaling().v2().horizontalPodAutoscalers().inNamespace(app + "-dev")
                .withName(app).get();
    }

    @Test
    void promote_full_skips_the_remaining_steps_and_analyses() {
        stableV1WithCanarySteps("setWeight 20\npause\nsetWeight 50\nanalysis error-rate\npause");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitPhase(canary, RolloutPhase.PAUSED);

        deploys.promoteFull(developer, app, "dev");
        RolloutView done = awaitFinished(canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(events(done)).extracting(RolloutEventView::kind).contains("PROMOTED_FULL")
                .doesNotContain("MEASURED", "ANALYSIS_PASSED");
        assertThat(events(done)).filteredOn(e -> e.kind().equals("WEIGHT")).hasSize(1);
        assertThat(templateImage(app)).endsWith(":2.0");
        assertThat(replicas(app + "-canary")).isZero();
    }

    @Test
    void retry_after_an_abort_starts_the_same_release_again_from_the_first_step() {
        stableV1WithCanarySteps("setWeight 20\npause\nsetWeight 50\npause");
        RolloutView canary = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitPhase(canary, RolloutPhase.PAUSED);
        deploys.promote(developer, app, "dev");
        awaitEvent(canary, e -> e.kind().equals("WEIGHT") && e.message().contains("50%"));
        awaitPhase(canary, RolloutPhase.PAUSED);

        deploys.abort(developer, app, "dev");
        assertThat(awaitFinished(canary).phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(replicas(app + "-canary")).isZero();
        assertThat(templateImage(app)).endsWith(":1.0");

        RolloutView retried = deploys.retry(developer, app, "dev");

        assertThat(retried.id()).isNotEqualTo(canary.id());
        assertThat(retried.release()).isEqualTo(canary.release());
        assertThat(retried.canary().current()).isZero();
        RolloutView again = awaitEvent(retried, e -> e.kind().equals("WEIGHT"));
        assertThat(events(again)).filteredOn(e -> e.kind().equals("WEIGHT")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Step 1 of 4"));
        assertThat(replicas(app + "-canary")).isEqualTo(1);
    }

    @Test
    void retry_is_refused_while_the_newest_rollout_succeeded() {
        stableV1WithCanarySteps("setWeight 20");

        assertThatThrownBy(() -> deploys.retry(developer, app, "dev"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only an aborted or rolled back");
    }

    @Test
    void a_new_release_during_a_canary_supersedes_it_and_the_newer_canary_replaces_the_older_one() {
        stableV1WithCanarySteps("setWeight 20\npause\nsetWeight 50");
        RolloutView first = deploys.deploy(developer, app, "dev", image("2.0", null));
        awaitPhase(first, RolloutPhase.PAUSED);

        RolloutView second = deploys.deploy(developer, app, "dev", image("3.0", null));

        assertThat(deploys.rollout(developer, app, "dev", first.id()).phase()).isEqualTo(RolloutPhase.SUPERSEDED);
        assertThat(second.stableRelease()).isEqualTo(1);
        awaitPhase(second, RolloutPhase.PAUSED);
        assertThat(templateImage(app + "-canary")).endsWith(":3.0");
        assertThat(templateImage(app)).endsWith(":1.0");
        await().atMost(WAIT).until(() -> podsOfRelease(2).isEmpty());
        assertThat(podsOfRelease(3)).hasSize(1);

        deploys.promoteFull(developer, app, "dev");
        assertThat(awaitFinished(second).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(templateImage(app)).endsWith(":3.0");
    }

    @Test
    void a_redeploy_of_the_stable_release_is_fast_tracked_without_steps_or_analysis() {
        stableV1WithCanarySteps("setWeight 20\nanalysis error-rate\npause");

        RolloutView redeploy = deploys.deploy(developer, app, "dev", image("1.0", null));
        RolloutView done = awaitFinished(redeploy);

        assertThat(done.fastTrack()).isTrue();
        assertThat(done.canary()).isNull();
        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(events(done)).extracting(RolloutEventView::kind).doesNotContain("WEIGHT", "MEASURED", "PAUSED");
        assertThat(events(done).getFirst().message()).contains("no canary steps");
    }

    @Test
    void promote_is_refused_for_a_rolling_rollout_with_a_reason() {
        awaitFinished(deploys.deploy(developer, app, "dev", image("1.0", null)));
        deploys.deploy(developer, app, "dev", image("2.0", SandboxBehaviour.SLOW_START));

        assertThatThrownBy(() -> deploys.promote(developer, app, "dev"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Only a canary rollout has steps");
        deploys.abort(developer, app, "dev");
    }

    /** v1 runs on 5 pods (a first release skips the steps), and the app now rolls out as a canary. */
    private void stableV1WithCanarySteps(String steps) {
        DeploySettings current = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(5, current.cpuRequest(),
                current.cpuLimit(), current.memoryRequest(), current.memoryLimit(), current.maxSurge(),
                current.maxUnavailable(), current.progressDeadlineSeconds(), null, DeployStrategy.CANARY, steps));
        RolloutView first = awaitFinished(deploys.deploy(developer, app, "dev", image("1.0", null)));
        assertThat(first.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(first.canary()).isNull();
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
                .until(() -> events(deploys.rollout(developer, app, "dev", rollout.id())).stream().anyMatch(event));
        return deploys.rollout(developer, app, "dev", rollout.id());
    }

    private void awaitMeasurements(RolloutView rollout, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> deploys.rollout(developer, app, "dev", rollout.id()).canary().measurements().size() == count);
    }

    private static List<RolloutEventView> events(RolloutView rollout) {
        return rollout.events();
    }

    private Deployment deployment(String name) {
        return clients.client("sandbox").apps().deployments().inNamespace(app + "-dev").withName(name).get();
    }

    private int replicas(String name) {
        return deployment(name).getSpec().getReplicas();
    }

    private String templateImage(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private String releaseLabelOf(String name) {
        return deployment(name).getSpec().getTemplate().getMetadata().getLabels().get("slipway.dev/release");
    }

    private List<Pod> podsOfRelease(int release) {
        return clients.client("sandbox").pods().inNamespace(app + "-dev")
                .withLabel("slipway.dev/release", Integer.toString(release)).list().getItems();
    }
}
