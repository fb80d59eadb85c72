package dev.slipway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.shared.Actor;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The audit log over the REST API: filtered, paged, newest first, for platform admins. */
@ShippedApplicationTest
class AuditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    private void createUser(ApiClient admin, String username) {
        assertThat(admin.post("/api/v1/users", """
                {"username": "%s", "password": "%s"}""".formatted(username, Fixtures.PASSWORD)).status()).isEqualTo(201);
    }

    @Test
    void events_are_filtered_by_actor_and_time_range_newest_first_and_paged() {
        Actor actor = fixtures.admin();
        ApiClient admin = client(actor);
        String early = Fixtures.unique("early");
        createUser(admin, early);
        clock.advance(Duration.ofSeconds(1));
        Instant between = clock.instant();
        List<String> late = List.of(Fixtures.unique("late"), Fixtures.unique("late"), Fixtures.unique("late"));
        late.forEach(name -> createUser(admin, name));
        String base = "/api/v1/audit-events?actor=" + actor.username();

        JsonNode all = admin.get(base).json();
        JsonNode after = admin.get(base + "&from=" + between).json();
        JsonNode before = admin.get(base + "&to=" + between).json();
        JsonNode window = admin.get(base + "&from=" + between + "&to=" + clock.instant().plusSeconds(1)).json();

        assertThat(targets(all)).containsExactly(late.get(2), late.get(1), late.get(0), early, actor.username());
        assertThat(all.get("items").findValuesAsString("actor")).containsOnly(actor.username());
        assertThat(targets(after)).containsExactly(late.get(2), late.get(1), late.get(0));
        assertThat(actions(before)).containsExactly("user.created", "api-token.created");
        assertThat(targets(window)).isEqualTo(targets(after));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode one = admin.get(base + "&size=2&page=" + page).json();
            assertThat(one.get("total").asInt()).isEqualTo(5);
            assertThat(one.get("size").asInt()).isEqualTo(2);
            paged.addAll(targets(one));
        }
        assertThat(paged).isEqualTo(targets(all));
    }

    @Test
    void events_are_filtered_by_team_app_and_action_prefix() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        String otherApp = fixtures.app(team).name();
        ApiClient admin = client(fixtures.admin());

        JsonNode byTeam = admin.get("/api/v1/audit-events?team=" + team).json();
        JsonNode byApp = admin.get("/api/v1/audit-events?app=" + app).json();
        JsonNode teamActions = admin.get("/api/v1/audit-events?team=" + team + "&action=team.").json();

        assertThat(targets(byTeam)).containsExactly(otherApp, app, team);
        assertThat(targets(byApp)).containsExactly(app);
        assertThat(actions(byApp)).containsExactly("app.created");
        assertThat(actions(teamActions)).containsExactly("team.created");
    }

    @Test
    void a_malformed_or_empty_time_range_is_a_400_that_says_how_to_write_it() {
        ApiClient admin = client(fixtures.admin());

        Response malformed = admin.get("/api/v1/audit-events?from=yesterday");
        Response backwards = admin.get("/api/v1/audit-events?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("'from'").contains("2026-11-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("to");
    }

    @Test
    void only_platform_admins_browse_the_log() {
        Response response = client(fixtures.user()).get("/api/v1/audit-events");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("Only platform admins may browse the audit log.");
    }

    private static List<String> targets(JsonNode page) {
        return page.get("items").findValuesAsString("target");
    }

    private static List<String> actions(JsonNode page) {
        return page.get("items").findValuesAsString("action");
    }
}
