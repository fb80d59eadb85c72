package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.apps.AppService;
import dev.slipway.builds.BuildService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.ShippedApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries over real HTTP on the shared test Slipway, which has no registry: a valid push is accepted
 * and recorded as "not built" with the reason (BuildServiceTest and WebhookBuildTest cover the build).
 */
@ShippedApplicationTest
class WebhookApiTest {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @LocalServerPort
    int port;
    @Autowired
    WebhookService webhooks;
    @Autowired
    BuildService builds;
    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    String app;
    String repository;
    Actor maintainer;
    String secret;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        String team = fixtures.team();
        app = Fixtures.unique("hooked");
        repository = "https://git.example.com/shop/" + app + ".git";
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, repository));
        maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        secret = webhooks.rotateSecret(maintainer, app);
    }

    @Test
    void a_signed_push_to_the_apps_branch_is_accepted_at_once_and_recorded() throws Exception {
        HttpResponse<String> response = github("push", UUID.randomUUID().toString(), push(repository, "main"), secret);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("NOT_BUILT").contains("SLIPWAY_BUILD_REGISTRY");
        assertThat(outcomes()).containsExactly(DeliveryOutcome.NOT_BUILT);
        assertThat(webhooks.info(maintainer, app).deliveries().getFirst().commit()).isEqualTo(COMMIT);
    }

    @Test
    void a_push_left_pending_by_a_restart_is_settled_without_a_new_delivery() {
        // what a Slipway stopped between answering a push and queueing its build leaves behind
        jdbc.update("insert into webhook_deliveries (app_id, provider, delivery_id, event, ref, commit_sha, outcome,"
                + " reason, received_at) select id, 'GITHUB', ?, 'push', 'refs/heads/main', ?, 'BUILD_PENDING',"
                + " 'build pending', now() from apps where name = ?", UUID.randomUUID().toString(), COMMIT, app);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> outcomes(), o -> o.equals(List.of(DeliveryOutcome.NOT_BUILT)));
        assertThat(webhooks.info(maintainer, app).deliveries().getFirst().reason())
                .as("this Slipway has no registry, and the delivery says so").contains("SLIPWAY_BUILD_REGISTRY");
    }

    @Test
    void a_wrong_missing_or_stale_signature_is_refused_and_only_the_refusal_is_stored() throws Exception {
        String body = push(repository, "main");
        HttpRequest.Builder unsigned = request("github").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> wrongSecret = github("push", UUID.randomUUID().toString(), body, "not-the-secret");
        HttpResponse<String> missing = http.send(unsigned.build(), HttpResponse.BodyHandlers.ofString());
        // signed for one body, sent with another: the signature covers the exact bytes
        HttpResponse<String> stale = send("github", "push", UUID.randomUUID().toString(), body.replace("main", "evil"),
                sign(body, secret));

        assertThat(List.of(wrongSecret, missing, stale)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(missing.body()).contains("X-Hub-Signature-256 header is missing");
        assertThat(outcomes()).containsOnly(DeliveryOutcome.REFUSED).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from builds b join apps a on a.id = b.app_id where a.name = ?",
                Integer.class, app)).isZero();
    }

    @Test
    void a_rotated_secret_replaces_the_old_one_at_once_and_only_maintainers_rotate() throws Exception {
        String rotated = webhooks.rotateSecret(maintainer, app);

        assertThat(rotated).isNotEqualTo(secret).startsWith("whsec_");
        assertThat(github("push", UUID.randomUUID().toString(), push(repository, "main"), secret).statusCode())
                .isEqualTo(401);
        assertThat(github("push", UUID.randomUUID().toString(), push(repository, "main"), rotated).statusCode())
                .isEqualTo(202);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.rotateSecret(
                fixtures.member(fixtures.team(), TeamRole.MAINTAINER), app))
                .isInstanceOf(dev.slipway.shared.NotFoundException.class);
    }

    @Test
    void an_app_without_a_secret_refuses_every_delivery() throws Exception {
        String team = fixtures.team();
        String open = Fixtures.unique("open");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, open, "https://git.example.com/shop/open.git"));

        HttpResponse<String> response = send("github", "push", "d-1", push("https://git.example.com/shop/open.git", "main"),
                "sha256=" + "0".repeat(64), open);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("no webhook secret");
    }

    @Test
    void the_same_delivery_twice_is_acknowledged_once_and_not_processed_again() throws Exception {
        String delivery = UUID.randomUUID().toString();
        github("push", delivery, push(repository, "main"), secret);

        HttpResponse<String> again = github("push", delivery, push(repository, "main"), secret);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("DUPLICATE");
        assertThat(outcomes()).containsExactly(DeliveryOutcome.DUPLICATE, DeliveryOutcome.NOT_BUILT);
    }

    @Test
    void two_apps_built_from_one_repository_each_take_the_delivery_github_sends_both_with_one_id() throws Exception {
        // GitHub's X-GitHub-Delivery names the event: every hook the push triggers gets the same one
        String team = fixtures.team();
        String worker = Fixtures.unique("worker");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, worker, repository));
        Actor workerMaintainer = fixtures.member(team, TeamRole.MAINTAINER);
        String workerSecret = webhooks.rotateSecret(workerMaintainer, worker);
        String delivery = UUID.randomUUID().toString();
        String body = push(repository, "main");

        HttpResponse<String> toApp = github("push", delivery, body, secret);
        HttpResponse<String> toWorker = send("github", "push", delivery, body, sign(body, workerSecret), worker);

        assertThat(toApp.body()).contains("NOT_BUILT");
        assertThat(toWorker.body()).contains("NOT_BUILT").doesNotContain("DUPLICATE");
        assertThat(webhooks.info(workerMaintainer, worker).deliveries()).extracting(DeliveryView::outcome)
                .containsExactly(DeliveryOutcome.NOT_BUILT);
    }

    @Test
    void another_repository_another_branch_and_a_ping_are_answered_and_recorded_as_such() throws Exception {
        HttpResponse<String> stranger = github("push", UUID.randomUUID().toString(),
                push("https://git.example.com/other/thing.git", "main"), secret);
        HttpResponse<String> branch = github("push", UUID.randomUUID().toString(), push(repository, "feature/x"), secret);
        HttpResponse<String> ping = github("ping", UUID.randomUUID().toString(), "{\"zen\":\"Keep it simple.\"}", secret);

        assertThat(stranger.statusCode()).isEqualTo(202);
        assertThat(stranger.body()).contains("NO_MATCHING_APP").contains("No matching app");
        assertThat(branch.statusCode()).isEqualTo(202);
        assertThat(branch.body()).contains("Branch feature/x is not built");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(outcomes()).containsExactly(DeliveryOutcome.PING, DeliveryOutcome.IGNORED, DeliveryOutcome.NO_MATCHING_APP);
    }

    @Test
    void refs_are_answered_and_recorded_exactly_as_pushed() throws Exception {
        HttpResponse<String> tag = github("push", UUID.randomUUID().toString(), pushOf(repository, "refs/tags/v1.0.0"),
                secret);
        HttpResponse<String> notes = github("push", UUID.randomUUID().toString(), pushOf(repository, "refs/notes/commits"),
                secret);
        HttpResponse<String> branch = github("push", UUID.randomUUID().toString(), push(repository, "release/2026-Q4"),
                secret);

        assertThat(tag.body()).contains("Tag refs/tags/v1.0.0 is not built; " + app + " builds pushes to its branch main.")
                .doesNotContain("Refs/");
        assertThat(notes.body()).contains("Ref refs/notes/commits is not built");
        assertThat(branch.body()).contains("Branch release/2026-Q4 is not built");
        assertThat(webhooks.info(maintainer, app).deliveries()).extracting(DeliveryView::ref)
                .containsExactly("refs/heads/release/2026-Q4", "refs/notes/commits", "refs/tags/v1.0.0");
        assertThat(webhooks.info(maintainer, app).deliveries()).extracting(DeliveryView::reason)
                .noneMatch(reason -> reason.contains("Refs/"));
    }

    @Test
    void gitlab_is_verified_by_its_token_and_gitea_by_its_signature() throws Exception {
        String gitlabBody = """
                {"ref":"refs/heads/main","checkout_sha":"%s","project":{"git_http_url":"%s"}}""".formatted(COMMIT, repository);
        HttpResponse<String> gitlab = http.send(request("gitlab").header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Event-UUID", UUID.randomUUID().toString()).header("X-Gitlab-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(gitlabBody)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> gitlabWrong = http.send(request("gitlab").header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Token", "guess").POST(HttpRequest.BodyPublishers.ofString(gitlabBody)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> gitea = send("gitea", "push", UUID.randomUUID().toString(), push(repository, "main"),
                sign(push(repository, "main"), secret));

        assertThat(gitlab.statusCode()).isEqualTo(202);
        assertThat(gitlabWrong.statusCode()).isEqualTo(401);
        assertThat(gitea.statusCode()).isEqualTo(202);
    }

    @Test
    void an_oversize_body_is_refused_unread_and_an_unknown_app_is_not_found() throws Exception {
        String huge = "{\"padding\":\"" + "x".repeat(WebhookService.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> tooLarge = github("push", UUID.randomUUID().toString(), huge, secret);
        HttpResponse<String> unknown = send("github", "push", "x", push(repository, "main"), sign("{}", secret),
                "no-such-app");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(outcomes()).isEmpty();
    }

    private List<DeliveryOutcome> outcomes() {
        return webhooks.info(maintainer, app).deliveries().stream().map(DeliveryView::outcome).toList();
    }

    private static String push(String repositoryUrl, String branch) {
        return pushOf(repositoryUrl, "refs/heads/" + branch);
    }

    private static String pushOf(String repositoryUrl, String ref) {
        return """
                {"ref":"%s","after":"%s","repository":{"clone_url":"%s"},
                 "head_commit":{"message":"Change the menu"}}""".formatted(ref, COMMIT, repositoryUrl);
    }

    private HttpResponse<String> github(String event, String delivery, String body, String key) throws Exception {
        return send("github", event, delivery, body, sign(body, key));
    }

    private HttpResponse<String> send(String provider, String event, String delivery, String body, String signature)
            throws Exception {
        return send(provider, event, delivery, body, signature, app);
    }

    private HttpResponse<String> send(String provider, String event, String delivery, String body, String signature,
                                      String target) throws Exception {
        String prefix = provider.equals("gitea") ? "X-Gitea-" : "X-GitHub-";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/" + provider + "/"
                        + target))
                .header("Content-Type", "application/json").header(prefix + "Event", event)
                .header(prefix + "Delivery", delivery).header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String provider) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/" + provider + "/" + app))
                .header("Content-Type", "application/json");
    }

    private static String sign(String body, String key) {
        return "sha256=" + HexFormat.of().formatHex(Signatures.hmac(key, body.getBytes(StandardCharsets.UTF_8)));
    }
}
