package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.apps.AppService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.WebhookPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery page over the REST API: what was sent (secrets redacted), what became of it, and who may
 * have Slipway process it again.
 */
@ShippedApplicationTest
class WebhookDeliveryApiTest {

    static final String BEFORE = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    static final String COMMIT = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    @LocalServerPort
    int port;
    @Autowired
    WebhookService webhooks;
    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();
    String team;
    String app;
    String repository;
    Actor maintainer;
    String secret;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        app = Fixtures.unique("hello-world");
        repository = "https://git.example.com/codertocat/" + app + ".git";
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, repository));
        maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        secret = webhooks.rotateSecret(maintainer, app);
    }

    @Test
    void a_delivery_shows_its_headers_with_the_signatures_redacted_its_body_and_its_outcome() throws Exception {
        String json = WebhookPayloads.githubPush(repository, "refs/heads/main", BEFORE, COMMIT);
        String form = WebhookPayloads.form(json);
        Map<String, String> headers = WebhookPayloads.githubHeaders("push", UUID.randomUUID().toString(),
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), secret);
        long id = delivery(send("github", headers, form));

        ApiClient.Response detail = client(TeamRole.VIEWER).get(path(id));

        assertThat(detail.status()).isEqualTo(200);
        JsonNode shown = detail.json();
        Map<String, String> shownHeaders = new HashMap<>();
        shown.get("headers").forEach(h -> shownHeaders.put(h.get("name").asString().toLowerCase(), h.get("value").asString()));
        assertThat(shownHeaders).containsEntry("x-github-event", "push")
                .containsEntry("content-type", "application/x-www-form-urlencoded")
                .containsEntry("x-hub-signature-256", "[redacted]").containsEntry("x-hub-signature", "[redacted]");
        assertThat(detail.body()).as("no signature value anywhere on the page")
                .doesNotContain(headers.get("X-Hub-Signature-256").substring(7))
                .doesNotContain(headers.get("X-Hub-Signature").substring(5));
        assertThat(shown.get("body").asString()).isEqualTo(form);
        assertThat(JsonMapper.builder().build().readTree(shown.get("document").asString()))
                .isEqualTo(JsonMapper.builder().build().readTree(json));
        assertThat(shown.get("document").asString()).contains("\n  \"ref\" : \"refs/heads/main\"");
        assertThat(shown.get("bodyBytes").asInt()).isEqualTo(form.length());
        assertThat(shown.get("delivery").get("outcome").asString()).isEqualTo("NOT_BUILT");
        assertThat(shown.get("canRedeliver").asBoolean()).as("a VIEWER may look, not redeliver").isFalse();
    }

    @Test
    void gitlabs_token_is_redacted_too() throws Exception {
        String body = WebhookPayloads.gitlabPush(repository, "refs/heads/main", BEFORE, COMMIT, false);
        long id = delivery(send("gitlab", WebhookPayloads.gitlabHeaders("Push Hook", secret), body));

        ApiClient.Response detail = client(TeamRole.DEVELOPER).get(path(id));

        assertThat(detail.body()).doesNotContain(secret).contains("[redacted]").contains("Push Hook");
        assertThat(detail.json().get("canRedeliver").asBoolean()).isTrue();
    }

    @Test
    void deliveries_are_listed_newest_first_a_page_at_a_time() throws Exception {
        for (int i = 0; i < 3; i++) {
            ping("{\"zen\":\"Design for failure.\",\"hook_id\":" + i + "}");
        }
        ApiClient viewer = client(TeamRole.VIEWER);

        JsonNode first = viewer.get("/api/v1/apps/" + app + "/webhook/deliveries?size=2").json();
        JsonNode second = viewer.get("/api/v1/apps/" + app + "/webhook/deliveries?size=2&page=1").json();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("id").asLong()).isGreaterThan(first.get("items").get(1).get("id").asLong());
        assertThat(first.get("items").get(1).get("id").asLong()).isGreaterThan(second.get("items").get(0).get("id").asLong());
    }

    @Test
    void a_refused_delivery_keeps_its_headers_not_its_body_and_cannot_be_redelivered() throws Exception {
        String body = WebhookPayloads.githubPush(repository, "refs/heads/main", BEFORE, COMMIT);
        Map<String, String> forged = WebhookPayloads.githubHeaders("push", UUID.randomUUID().toString(),
                "application/json", body.getBytes(StandardCharsets.UTF_8), "a guessed secret");
        long id = delivery(send("github", forged, body));
        ApiClient developer = client(TeamRole.DEVELOPER);

        ApiClient.Response detail = developer.get(path(id));
        ApiClient.Response redeliver = developer.post(path(id) + "/redeliver", "");

        assertThat(detail.json().get("delivery").get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(detail.json().get("body").isNull()).isTrue();
        assertThat(detail.json().get("requestMissingBecause").asString()).contains("refused delivery is not kept");
        assertThat(detail.json().get("headers")).isNotEmpty();
        assertThat(detail.json().get("canRedeliver").asBoolean()).isFalse();
        assertThat(redeliver.status()).isEqualTo(409);
        assertThat(redeliver.contentType()).startsWith("application/problem+json");
        assertThat(redeliver.json().get("detail").asString()).contains("was refused")
                .contains("provider's own Redeliver");
        assertThat(webhooks.info(maintainer, app).deliveries()).hasSize(1);
    }

    @Test
    void a_viewer_cannot_redeliver_and_a_developer_can() throws Exception {
        long id = delivery(ping("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}"));

        ApiClient.Response byViewer = client(TeamRole.VIEWER).post(path(id) + "/redeliver", "");

        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byViewer.contentType()).startsWith("application/problem+json");
        assertThat(byViewer.json().get("detail").asString()).contains("redeliver webhook deliveries")
                .contains("DEVELOPER");
        assertThat(webhooks.info(maintainer, app).deliveries()).as("a refused request stores nothing").hasSize(1);

        ApiClient.Response byDeveloper = client(TeamRole.DEVELOPER).post(path(id) + "/redeliver", "");

        assertThat(byDeveloper.status()).isEqualTo(201);
        assertThat(byDeveloper.json().get("delivery").get("outcome").asString()).isEqualTo("PING");
        assertThat(byDeveloper.json().get("message").asString()).contains("received the ping");
    }

    @Test
    void a_delivery_verified_with_a_secret_rotated_since_is_not_redelivered() throws Exception {
        long id = delivery(ping("{\"zen\":\"Avoid administrative distraction.\",\"hook_id\":1}"));
        webhooks.rotateSecret(maintainer, app);

        ApiClient.Response redeliver = client(TeamRole.DEVELOPER).post(path(id) + "/redeliver", "");

        assertThat(redeliver.status()).isEqualTo(409);
        assertThat(redeliver.json().get("detail").asString()).contains("rotated since");
    }

    @Test
    void another_teams_member_finds_no_such_delivery() throws Exception {
        long id = delivery(ping("{\"zen\":\"Half measures are as bad as nothing at all.\"}"));
        Actor stranger = fixtures.member(fixtures.team(), TeamRole.MAINTAINER);
        ApiClient api = fixtures.api(stranger, port);

        assertThat(api.get(path(id)).status()).isEqualTo(404);
        assertThat(api.post(path(id) + "/redeliver", "").status()).isEqualTo(404);
    }

    @Test
    void only_the_newest_fifty_deliveries_keep_their_request() throws Exception {
        long oldest = delivery(ping("{\"zen\":\"Approachable is better than simple.\"}"));
        for (int i = 0; i < 50; i++) {
            ping("{\"zen\":\"Speak like a human.\",\"hook_id\":" + i + "}");
        }
        ApiClient developer = client(TeamRole.DEVELOPER);

        // dropped in the background within a second, never while the provider waits for its answer
        JsonNode detail = await().atMost(Duration.ofSeconds(10)).until(() -> developer.get(path(oldest)).json(),
                shown -> shown.get("headers").isEmpty());
        ApiClient.Response redeliver = developer.post(path(oldest) + "/redeliver", "");

        assertThat(detail.get("body").isNull()).isTrue();
        assertThat(detail.get("requestMissingBecause").asString()).contains("newest 50");
        assertThat(detail.get("delivery").get("outcome").asString()).as("the outcome stays").isEqualTo("PING");
        assertThat(redeliver.status()).isEqualTo(409);
        assertThat(redeliver.json().get("detail").asString()).contains("no longer keeps the request");
    }

    /** GitHub's ping, which it sends when a hook is created. */
    private HttpResponse<String> ping(String body) throws Exception {
        return send("github", WebhookPayloads.githubHeaders("ping", UUID.randomUUID().toString(), "application/json",
                body.getBytes(StandardCharsets.UTF_8), secret), body);
    }

    private ApiClient client(TeamRole role) {
        Actor actor = fixtures.member(team, role);
        return fixtures.api(actor, port);
    }

    private String path(long id) {
        return "/api/v1/apps/" + app + "/webhook/deliveries/" + id;
    }

    /** The delivery an answer names; a refusal (problem+json) names none, so the newest one is it. */
    private long delivery(HttpResponse<String> answer) {
        JsonNode json = JsonMapper.builder().build().readTree(answer.body());
        return json.has("delivery") ? json.get("delivery").asLong()
                : webhooks.info(maintainer, app).deliveries().getFirst().id();
    }

    private HttpResponse<String> send(String provider, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/" + provider
                + "/" + app)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
