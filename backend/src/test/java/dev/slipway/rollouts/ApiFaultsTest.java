package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.kubernetes.InstrumentedClients;
import dev.slipway.kubernetes.InstrumentedClients.Fault;
import dev.slipway.kubernetes.InstrumentedClientsConfiguration;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Kubernetes API servers fail now and then: server errors, conflicts with other writers, calls that
 * never answer. None of that decides a rollout; the engine waits and tries again.
 */
@SlipwayTest
@Import(InstrumentedClientsConfiguration.class)
class ApiFaultsTest {

    @Autowired
    DeployService deploys;
    @Autowired
    InstrumentedClients clients;
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
    void server_errors_and_timeouts_are_retried_and_the_rollout_still_succeeds() {
        clients.inject(Fault.SERVER_ERROR, Fault.TIMEOUT, Fault.SERVER_ERROR);

        RolloutView done = awaitFinished(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null)));

        assertThat(done.phase()).as("%s", done.events()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(done.events()).filteredOn(e -> e.kind().equals("API_ERROR")).hasSize(3)
                .allSatisfy(e -> assertThat(e.message()).contains("Trying again in"));
    }

    @Test
    void a_conflict_with_another_writer_is_resolved_by_reading_again() {
        awaitFinished(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null)));
        clients.inject(Fault.CONFLICT);

        RolloutView done = awaitFinished(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:2", null)));

        assertThat(done.phase()).as("%s", done.events()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(done.events()).noneMatch(e -> e.kind().equals("API_ERROR"));
    }

    @Test
    void conflicts_that_outlast_the_retries_only_delay_the_rollout() {
        awaitFinished(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:1", null)));
        clients.inject(Fault.CONFLICT, Fault.CONFLICT, Fault.CONFLICT, Fault.CONFLICT, Fault.CONFLICT, Fault.CONFLICT);

        RolloutView done = awaitFinished(deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/a:2", null)));

        assertThat(done.phase()).as("%s", done.events()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(done.events()).anyMatch(e -> e.kind().equals("API_ERROR"));
    }

    private RolloutView awaitFinished(RolloutView rollout) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(developer, app, "dev", rollout.id()).phase().active());
        return deploys.rollout(developer, app, "dev", rollout.id());
    }
}
