package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP: token authentication, the team rules, and problem+json errors. */
@ShippedApplicationTest
class RestApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;
    @Autowired
    Fixtures fixtures;

    String team;
    Actor developer;
    ApiClient asDeveloper;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
        asDeveloper = client(developer);
    }

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    @Test
    void a_developer_creates_reads_lists_updates_and_sees_environments_of_an_app() {
        String name = Fixtures.unique("api");
        Response created = asDeveloper.post("/api/v1/apps", """
                {"team":"%s","name":"%s","source":"GIT","repositoryUrl":"https://git.example.com/t/a.git","branch":"main"}
                """.formatted(team, name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("port").asInt()).isEqualTo(8080);

        assertThat(asDeveloper.get("/api/v1/apps/" + name).json().get("team").asString()).isEqualTo(team);
        JsonNode list = asDeveloper.get("/api/v1/apps?team=" + team + "&q=" + name).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("name").asString()).isEqualTo(name);

        Response updated = asDeveloper.put("/api/v1/apps/" + name, """
                {"source":"IMAGE","image":"registry.example.com/t/a:2","port":9000}""");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("image").asString()).isEqualTo("registry.example.com/t/a:2");

        JsonNode environments = asDeveloper.get("/api/v1/apps/" + name + "/environments").json();
        assertThat(environments.findValuesAsString("namespace")).contains(name + "-dev", name + "-prod");
        assertThat(asDeveloper.get("/api/v1/apps/" + name + "/environments/dev/settings").json().get("replicas").asInt())
                .isEqualTo(2);
    }

    @Test
    void invalid_input_is_answered_with_problem_json_that_names_each_field() {
        Response response = asDeveloper.post("/api/v1/apps", """
                {"team":"%s","name":"Not Valid","source":"GIT","repositoryUrl":"http://x/y.git","branch":"main"}
                """.formatted(team));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("detail").asString()).startsWith("Nothing was saved.");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "repositoryUrl");
    }

    @Test
    void a_misspelt_field_or_broken_json_is_a_clear_400() {
        Response misspelt = asDeveloper.post("/api/v1/apps", """
                {"team":"%s","name":"typo","source":"IMAGE","imag":"nginx"}""".formatted(team));
        Response broken = asDeveloper.post("/api/v1/apps", "{\"team\":");

        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("detail").asString()).contains("imag");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
    }

    @Test
    void another_teams_app_is_not_found_and_cannot_be_changed() {
        String otherTeam = fixtures.team();
        String foreign = fixtures.app(otherTeam).name();

        assertThat(asDeveloper.get("/api/v1/apps/" + foreign).status()).isEqualTo(404);
        assertThat(asDeveloper.put("/api/v1/apps/" + foreign, "{\"source\":\"IMAGE\",\"image\":\"evil:1\"}").status())
                .isEqualTo(404);
        assertThat(asDeveloper.delete("/api/v1/apps/" + foreign).status()).isEqualTo(404);
        assertThat(asDeveloper.get("/api/v1/teams/" + otherTeam).status()).isEqualTo(404);
        assertThat(asDeveloper.get("/api/v1/apps?team=" + otherTeam).status()).isEqualTo(404);
    }

    @Test
    void a_viewer_gets_403_with_the_role_it_would_need() {
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        String app = fixtures.app(team).name();

        Response response = client(viewer).put("/api/v1/apps/" + app, "{\"source\":\"IMAGE\",\"image\":\"nginx:2\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("DEVELOPER");
    }

    @Test
    void requests_without_a_working_token_get_401_and_say_why() {
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient wrongToken = new ApiClient(port, "slw_" + "x".repeat(43));
        ApiClient notAToken = new ApiClient(port, "hello");

        for (Response response : new Response[] {anonymous.get("/api/v1/apps"), anonymous.post("/api/v1/apps", "{}"),
                wrongToken.get("/api/v1/apps"), wrongToken.post("/api/v1/teams", "{}"), notAToken.get("/api/v1/me")}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("API tokens");
        }
        Response basic = anonymous.send(anonymous.request("/api/v1/apps").header("Authorization", "Basic YWRtaW46eA=="));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("detail").asString()).contains("Bearer");
    }

    @Test
    void a_revoked_or_expired_token_stops_working() {
        var created = tokens.create(developer, Fixtures.unique("short"), Duration.ofDays(1));
        ApiClient client = new ApiClient(port, created.secret());
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);

        tokens.revoke(developer, created.token().id());

        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_disabled_users_token_stops_working() {
        Actor user = fixtures.user();
        ApiClient client = client(user);
        assertThat(client.get("/api/v1/me").json().get("username").asString()).isEqualTo(user.username());

        users.setEnabled(fixtures.bootstrapAdmin(), user.username(), false);

        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void teams_and_environments_are_served_and_admin_only_writes_are_refused_to_others() {
        assertThat(asDeveloper.get("/api/v1/teams").json().findValuesAsString("name")).containsExactly(team);
        assertThat(asDeveloper.get("/api/v1/environments").json().findValuesAsString("name")).contains("dev", "staging", "prod");
        assertThat(asDeveloper.get("/api/v1/teams/" + team + "/members").json().findValuesAsString("username"))
                .containsExactly(developer.username());

        assertThat(asDeveloper.post("/api/v1/teams", "{\"name\":\"mine\",\"displayName\":\"\",\"description\":\"\"}").status())
                .isEqualTo(403);
        assertThat(asDeveloper.post("/api/v1/environments", """
                {"name":"qa","description":"","cluster":"sandbox","namespaceTemplate":"{app}-qa","createNamespace":true,"protectedEnvironment":false}
                """).status()).isEqualTo(403);
    }

    @Test
    void an_admin_creates_a_team_and_adds_a_member_through_the_api() {
        ApiClient admin = client(fixtures.admin());
        String name = Fixtures.unique("t");
        Actor newcomer = fixtures.user();

        assertThat(admin.post("/api/v1/teams", "{\"name\":\"%s\",\"displayName\":\"Team\",\"description\":\"\"}".formatted(name))
                .status()).isEqualTo(201);
        Response added = admin.put("/api/v1/teams/" + name + "/members/" + newcomer.username(), "{\"role\":\"DEVELOPER\"}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("role").asString()).isEqualTo("DEVELOPER");
    }

    @Test
    void the_openapi_document_is_public_and_describes_the_v1_endpoints() {
        Response openApi = new ApiClient(port, null).get("/api/openapi");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").propertyNames())
                .contains("/api/v1/apps", "/api/v1/apps/{name}", "/api/v1/teams", "/api/v1/environments")
                .noneMatch(path -> path.contains("**"));
        ApiClient.Response browsable = new ApiClient(port, null).get("/api/swagger-ui/index.html");
        assertThat(browsable.status()).isEqualTo(200);
    }

    @Test
    void an_unknown_api_path_is_a_problem_json_404() {
        Response response = asDeveloper.get("/api/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_change_without_any_credentials_is_401_and_opens_no_session() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/apps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().allValues("Set-Cookie")).as("a stranger's request costs no session").isEmpty();
    }

    @Test
    void a_json_null_where_the_body_is_optional_counts_as_no_body() {
        String app = fixtures.app(team).name();

        Response response = asDeveloper.post("/api/v1/apps/" + app + "/builds", "null");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("must be a JSON object");
    }
}
