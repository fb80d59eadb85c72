package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.kubernetes.WorkloadObserver;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's promises that do not depend on a strategy: state lives in the database, so a restarted
 * engine resumes without repeating itself, and engines sharing a database never act on one rollout at once.
 */
@SlipwayTest
class EngineResilienceTest {

    static final Duration ROLLOUT = Duration.ofSeconds(30);

    @Autowired
    DeployService deploys;
    @Autowired
    RolloutEngine engine;
    @Autowired
    RolloutPass pass;
    @Autowired
    RolloutRepository rollouts;
    @Autowired
    WorkloadObserver observer;
    @Autowired
    EngineProperties properties;
    @Autowired
    TestClock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    String team;
    Actor developer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void an_engine_restarted_in_the_middle_of_a_rollout_finishes_it_without_repeating_an_action() {
        String app = fixtures.app(team).name();
        await().atMost(ROLLOUT).until(() -> observer.watch("sandbox"));
        engine.stop();
        RolloutEngine second = new RolloutEngine(pass, rollouts, observer, properties, clock);
        try {
            RolloutView started = deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null));
            // The first engine gets as far as writing the objects, then stops for good.
            pass.run(started.id());
            assertThat(applied(app, started)).hasSize(3);

            second.start();

            RolloutView done = awaitFinished(app, started);
            assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
            assertThat(applied(app, done)).as("namespace, service and deployment written once each").hasSize(3);
        } finally {
            second.stop();
            engine.start();
        }
    }

    @Test
    void while_one_engine_runs_a_pass_another_engine_leaves_that_rollout_alone() throws Exception {
        String app = fixtures.app(team).name();
        // The test plays the first engine, so the application's own engine stays out of the way.
        engine.stop();
        RolloutView started = deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null));
        ExecutorService otherEngine = Executors.newSingleThreadExecutor();
        try {
            RolloutPass.Outcome seenByTheOther = transactions.execute(status -> {
                assertThat(rollouts.lockForPass(started.id())).as("this engine holds the rollout").isPresent();
                Future<RolloutPass.Outcome> other = otherEngine.submit(() -> pass.run(started.id()));
                try {
                    return other.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seenByTheOther.busy()).isTrue();
        } finally {
            otherEngine.shutdownNow();
            engine.start();
        }
        assertThat(awaitFinished(app, started).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
    }

    @Test
    void two_engines_on_one_database_finish_every_rollout_and_write_each_object_once() {
        RolloutEngine second = new RolloutEngine(pass, rollouts, observer, properties, clock);
        second.start();
        try {
            List<String> apps = new ArrayList<>();
            List<RolloutView> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String app = fixtures.app(team).name();
                apps.add(app);
                started.add(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null)));
                second.enqueue(started.getLast().id());
            }
            for (int i = 0; i < apps.size(); i++) {
                RolloutView done = awaitFinished(apps.get(i), started.get(i));
                assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
                assertThat(applied(apps.get(i), done)).hasSize(3);
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void the_database_refuses_a_second_rollout_in_flight_for_the_same_app_and_environment() {
        String app = fixtures.app(team).name();
        engine.stop();
        try {
            RolloutView started = deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null));

            assertThatThrownBy(() -> jdbc.update("""
                    insert into rollouts (app_id, environment_id, release_id, strategy, phase, started_by, started_at)
                    select app_id, environment_id, release_id, strategy, 'PROGRESSING', 'someone', now()
                    from rollouts where id = ?""", started.id()))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            engine.start();
        }
    }

    private List<RolloutEventView> applied(String app, RolloutView rollout) {
        return deploys.rollout(developer, app, "dev", rollout.id()).events().stream()
                .filter(e -> e.kind().equals("APPLIED")).toList();
    }

    private RolloutView awaitFinished(String app, RolloutView rollout) {
        await().atMost(ROLLOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(developer, app, "dev", rollout.id()).phase().active());
        return deploys.rollout(developer, app, "dev", rollout.id());
    }
}
