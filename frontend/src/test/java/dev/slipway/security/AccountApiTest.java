package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The caller's own API tokens over HTTP, with a token or with a browser's session. */
@ShippedApplicationTest
class AccountApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient withToken(Actor actor) {
        return fixtures.api(actor, port);
    }

    @Test
    void a_token_made_through_the_api_works_and_its_secret_is_in_that_answer_only() {
        Actor user = fixtures.user();
        ApiClient api = withToken(user);

        Response created = api.post("/api/v1/account/tokens", """
                {"name": "ci-deploy", "validFor": "P30D"}""");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("slw_");
        assertThat(created.json().get("token").get("readOnly").asBoolean()).isFalse();
        assertThat(created.json().get("token").get("expiresAt").asString()).isNotBlank();
        assertThat(new ApiClient(port, secret).get("/api/v1/me").json().get("username").asString())
                .isEqualTo(user.username());
        Response listed = api.get("/api/v1/account/tokens");
        assertThat(listed.json().findValuesAsString("name")).contains("ci-deploy");
        assertThat(listed.body()).doesNotContain(secret);
    }

    @Test
    void a_read_only_token_reads_but_every_change_is_refused_and_nothing_is_stored() {
        String team = fixtures.team();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        String secret = withToken(developer).post("/api/v1/account/tokens", """
                {"name": "dashboard", "readOnly": true}""").json().get("secret").asString();
        ApiClient reader = new ApiClient(port, secret);
        String app = Fixtures.unique("readonly");

        assertThat(reader.get("/api/v1/apps?team=" + team).status()).isEqualTo(200);
        Response refused = reader.post("/api/v1/apps", """
                {"team":"%s","name":"%s","source":"IMAGE","image":"registry.example.com/a:1"}""".formatted(team, app));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("read-only");
        assertThat(jdbc.queryForObject("select count(*) from apps where name = ?", Long.class, app)).isZero();
        assertThat(reader.post("/api/v1/account/tokens", """
                {"name": "escalate"}""").status()).as("a read-only token cannot mint a full one").isEqualTo(403);
    }

    @Test
    void revoking_all_tokens_through_the_api_stops_the_calling_token_too() {
        Actor user = fixtures.user();
        ApiClient api = withToken(user);
        ApiClient second = withToken(user);

        Response revoked = api.post("/api/v1/account/tokens/revoke-all", "");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void one_token_is_revoked_by_its_id_and_someone_elses_id_is_not_found() {
        Actor user = fixtures.user();
        ApiClient api = withToken(user);
        long id = api.post("/api/v1/account/tokens", """
                {"name": "laptop"}""").json().get("token").get("id").asLong();

        assertThat(withToken(fixtures.user()).delete("/api/v1/account/tokens/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/account/tokens/" + id).status()).isEqualTo(204);
        JsonNode laptop = api.get("/api/v1/account/tokens").json().findParents("name").stream()
                .filter(t -> t.get("name").asString().equals("laptop")).findFirst().orElseThrow();
        assertThat(laptop.get("revokedAt").isNull()).isFalse();
    }

    @Test
    void a_signed_in_browser_session_creates_a_token_with_the_pages_csrf_token_and_not_without() throws Exception {
        Actor user = fixtures.user();
        Browser browser = new Browser();
        assertThat(browser.signIn(user.username(), Fixtures.PASSWORD)).isTrue();

        HttpResponse<String> withoutCsrf = browser.postJson("/api/v1/account/tokens", "{\"name\":\"from-browser\"}", null);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.body()).contains("CSRF");

        HttpResponse<String> created = browser.postJson("/api/v1/account/tokens", "{\"name\":\"from-browser\"}",
                browser.csrfTokenOfThePage());
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = new Response(201, "", created.body()).json().get("secret").asString();
        assertThat(new ApiClient(port, secret).get("/api/v1/me").json().get("username").asString())
                .isEqualTo(user.username());
    }

    /** A browser's cookie jar over plain HTTP: signs in with the login form, as the UI does. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        boolean signIn(String username, String password) throws IOException, InterruptedException {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
        }

        String csrfTokenOfThePage() throws IOException, InterruptedException {
            String page = http.send(HttpRequest.newBuilder(uri("/")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(meta.find()).as("the page carries its CSRF token").isTrue();
            return meta.group(1);
        }

        HttpResponse<String> postJson(String path, String json, String csrf) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
