package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import dev.slipway.ShippedApplicationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Secrets over the REST API: write-only, whatever endpoint is asked afterwards. */
@ShippedApplicationTest
class SecretApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_secret_set_through_the_api_never_comes_back_through_any_get_endpoint() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        ApiClient api = client(developer);
        String secret = "api-canary-" + System.nanoTime();

        Response set = api.patch(base(app) + "/config", """
                {"variables": {"LOG_LEVEL": "info"}, "secrets": {"DB_PASSWORD": "%s"}}""".formatted(secret));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).doesNotContain(secret).contains("DB_PASSWORD");
        Response preview = api.post(base(app) + "/deploy-preview", """
                {"image": "registry.example.com/shop/app:1.0"}""");
        assertThat(preview.body()).contains("DB_PASSWORD").doesNotContain(secret);
        long rollout = api.post(base(app) + "/deploys", """
                {"image": "registry.example.com/shop/app:1.0"}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(base(app) + "/rollouts/" + rollout).json().get("phase").asString().equals("SUCCEEDED"));
        api.post("/api/v1/apps/" + app + "/promotions", """
                {"from": "dev", "to": "prod"}""");

        // every GET endpoint the OpenAPI document lists, asked by a platform admin who may see everything
        ApiClient admin = client(fixtures.bootstrapAdmin());
        JsonNode paths = admin.get("/api/openapi").json().get("paths");
        Map<String, String> values = Map.of("app", app, "environment", "dev", "id", Long.toString(rollout), "number", "1",
                "team", team, "username", developer.username());
        List<String> asked = new ArrayList<>();
        for (var entry : paths.properties()) {
            if (!entry.getValue().has("get")) {
                continue;
            }
            String path = entry.getKey();
            path = path.replace("{name}", path.startsWith("/api/v1/teams") ? team
                    : path.startsWith("/api/v1/environments") ? "dev" : app);
            for (var value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            path += "?from=dev&to=prod&size=100";
            Response response = admin.get(path);
            asked.add(path + " -> " + response.status());
            assertThat(response.body()).as(path).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(asked).as("the crawl reached the config, release and audit endpoints")
                .anyMatch(a -> a.contains("/config?") && a.endsWith("200"))
                .anyMatch(a -> a.contains("/config/versions?") && a.endsWith("200"))
                .anyMatch(a -> a.contains("/releases?") && a.endsWith("200"))
                .anyMatch(a -> a.contains("/rollouts/" + rollout) && a.endsWith("200"))
                .anyMatch(a -> a.contains("/promotions?") && a.endsWith("200"))
                .anyMatch(a -> a.contains("/teams/" + team + "/members") && a.endsWith("200"));
    }

    @Test
    void a_viewer_reads_variables_over_the_api_and_is_refused_a_change() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        client(fixtures.member(team, TeamRole.DEVELOPER)).patch(base(app) + "/config", """
                {"variables": {"MODE": "fast"}, "secrets": {"TOKEN": "viewer-canary"}}""");
        ApiClient viewer = client(fixtures.member(team, TeamRole.VIEWER));

        Response seen = viewer.get(base(app) + "/config");
        Response refused = viewer.patch(base(app) + "/config", """
                {"variables": {"MODE": "slow"}}""");

        assertThat(seen.json().get("variables").get("MODE").asString()).isEqualTo("fast");
        assertThat(seen.body()).doesNotContain("viewer-canary");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_bad_dotenv_paste_is_answered_with_one_problem_per_line() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        ApiClient api = client(fixtures.member(team, TeamRole.DEVELOPER));

        Response response = api.post(base(app) + "/config/import", """
                {"text": "GOOD=1\\nbad line\\n9X=2", "secrets": true}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("line 2", "line 3");
        assertThat(api.get(base(app) + "/config").json().get("version").asInt()).isZero();
    }

    private static String base(String app) {
        return "/api/v1/apps/" + app + "/environments/dev";
    }

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }
}
