package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import dev.slipway.ShippedApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What scripts do with metric templates, canary commands and metrics over the REST API. */
@ShippedApplicationTest
class ProgressiveApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    @Test
    void a_maintainer_writes_a_team_template_and_changes_it_and_a_developer_is_refused() {
        String team = fixtures.team();
        ApiClient maintainer = client(fixtures.member(team, TeamRole.MAINTAINER));
        String body = """
                {"key":"queue-depth","team":"%s","name":"Queue depth","query":"max(queue_depth{app=\\"{{app}}\\"})",
                 "success":"result < 100","failure":null,"intervalSeconds":15,"count":4,"initialDelaySeconds":0,
                 "failureLimit":0,"inconclusiveLimit":1,"consecutiveErrorLimit":2}""".formatted(team);

        Response created = maintainer.post("/api/v1/metric-templates", body);
        Response refused = client(fixtures.member(team, TeamRole.DEVELOPER)).post("/api/v1/metric-templates",
                body.replace("queue-depth", "queue-age"));
        Response changed = maintainer.put("/api/v1/metric-templates/" + team + "/queue-depth",
                body.replace("result < 100", "result < 50"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("spec").get("key").asString()).isEqualTo("queue-depth");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("spec").get("success").asString()).isEqualTo("result < 50");
        assertThat(maintainer.delete("/api/v1/metric-templates/" + team + "/queue-depth").status()).isEqualTo(204);
    }

    @Test
    void metrics_answer_per_range_and_a_range_that_is_not_offered_says_which_are() {
        String team = fixtures.team();
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        String app = fixtures.app(team).name();
        ApiClient api = client(viewer);

        Response metrics = api.get("/api/v1/apps/" + app + "/environments/dev/metrics?range=PT15M");
        Response wrong = api.get("/api/v1/apps/" + app + "/environments/dev/metrics?range=PT7M");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().get("charts").size()).isEqualTo(8);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body()).contains("PT15M, PT1H, PT6H or P1D");
    }

    @Test
    void promoting_when_nothing_is_in_flight_is_a_conflict_that_says_so() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();

        Response promote = client(fixtures.member(team, TeamRole.DEVELOPER))
                .post("/api/v1/apps/" + app + "/environments/dev/rollout/promote", "{}");

        assertThat(promote.status()).isEqualTo(409);
        assertThat(promote.body()).contains("nothing to promote");
    }
}
