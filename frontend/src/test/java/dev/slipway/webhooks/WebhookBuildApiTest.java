package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.apps.AppService;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.BuildTrigger;
import dev.slipway.builds.BuildView;
import dev.slipway.registries.RegistryService;
import dev.slipway.registries.RegistrySpec;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries as the providers really send them, on a Slipway that can build: while each test runs the
 * dev environment has a registry, so a push to the app's branch is queued as a build. The registry is
 * never reached: the app's repository is on a host that does not resolve, so each queued build fails at
 * its fetch, and what is asserted is the queueing.
 */
@ShippedApplicationTest
class WebhookBuildApiTest {

    static final String BEFORE = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    static final String COMMIT = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    static final String ZERO = "0000000000000000000000000000000000000000";

    @LocalServerPort
    int port;
    @Autowired
    WebhookService webhooks;
    @Autowired
    BuildService builds;
    @Autowired
    AppService apps;
    @Autowired
    RegistryService registries;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    String registry;
    String app;
    String repository;
    Actor developer;
    String secret;

    @BeforeEach
    void setUp() {
        registry = Fixtures.unique("hooks-registry");
        registries.create(fixtures.bootstrapAdmin(), new RegistrySpec(registry, "127.0.0.1:9/slipway", true, null, null));
        registries.assign(fixtures.bootstrapAdmin(), "dev", registry);
        String team = fixtures.team();
        app = Fixtures.unique("hello-world");
        repository = "https://git.example.com/codertocat/" + app + ".git";
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, repository));
        developer = fixtures.member(team, TeamRole.DEVELOPER);
        secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
    }

    @AfterEach
    void tearDown() {
        for (BuildView build : builds.list(developer, app)) {
            if (!build.status().finished()) {
                try {
                    builds.cancel(developer, app, build.number());
                } catch (dev.slipway.shared.ConflictException endedMeanwhile) {
                    // its fetch failed between the list and the cancel
                }
            }
        }
        registries.assign(fixtures.bootstrapAdmin(), "dev", null);
        registries.delete(fixtures.bootstrapAdmin(), registry);
    }

    @Test
    void a_github_push_sent_as_a_form_builds_the_pushed_commit() throws Exception {
        byte[] form = WebhookPayloads.form(WebhookPayloads.githubPush(repository, "refs/heads/main", BEFORE, COMMIT))
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = send("github", WebhookPayloads.githubHeaders("push", UUID.randomUUID().toString(),
                "application/x-www-form-urlencoded", form, secret), form);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("BUILD_PENDING");
        DeliveryView settled = settled(deliveryOf(answer));
        assertThat(settled.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(builds.get(developer, app, settled.buildNumber())).satisfies(build -> {
            assertThat(build.trigger()).isEqualTo(BuildTrigger.WEBHOOK);
            assertThat(build.requestedCommit()).isEqualTo(COMMIT);
        });
    }

    @Test
    void github_pull_request_create_and_delete_events_are_ignored_and_never_build_even_with_a_push_body()
            throws Exception {
        byte[] pushShaped = WebhookPayloads.githubPush(repository, "refs/heads/main", BEFORE, COMMIT)
                .getBytes(StandardCharsets.UTF_8);
        byte[] createdMain = WebhookPayloads.githubCreate(repository, "main", "branch").getBytes(StandardCharsets.UTF_8);

        for (String event : List.of("pull_request", "create", "delete")) {
            HttpResponse<String> answer = send("github", WebhookPayloads.githubHeaders(event, UUID.randomUUID().toString(),
                    "application/json", pushShaped, secret), pushShaped);

            assertThat(answer.statusCode()).as(event).isEqualTo(202);
            assertThat(answer.body()).contains("IGNORED")
                    .contains("Ignored a '" + event + "' event: Slipway builds on push events.");
        }
        HttpResponse<String> realCreate = send("github", WebhookPayloads.githubHeaders("create",
                UUID.randomUUID().toString(), "application/json", createdMain, secret), createdMain);

        assertThat(realCreate.body()).contains("Ignored a 'create' event").doesNotContain("Main is not a branch");
        assertThat(webhooks.info(developer, app).deliveries()).hasSize(4).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo(DeliveryOutcome.IGNORED);
            assertThat(d.ref()).as("the body of an event that does not build is not read").isNull();
        }).extracting(DeliveryView::event).containsExactly("create", "delete", "create", "pull_request");
        Thread.sleep(500); // the pending worker's quiet period: nothing may turn up later either
        assertThat(builds.list(developer, app)).isEmpty();
    }

    @Test
    void a_gitlab_tag_push_hook_is_recorded_as_a_tag_and_not_built_while_its_push_hook_builds() throws Exception {
        // a self-hosted GitLab at the app's repository host
        byte[] tag = WebhookPayloads.gitlabPush(repository, "refs/tags/v1.0.0", ZERO, COMMIT, true)
                .getBytes(StandardCharsets.UTF_8);
        byte[] push = WebhookPayloads.gitlabPush(repository, "refs/heads/main", BEFORE, COMMIT, false)
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tagged = send("gitlab", WebhookPayloads.gitlabHeaders("Tag Push Hook", secret), tag);
        HttpResponse<String> pushed = send("gitlab", WebhookPayloads.gitlabHeaders("Push Hook", secret), push);

        assertThat(tagged.statusCode()).isEqualTo(202);
        assertThat(tagged.body()).contains("Tag refs/tags/v1.0.0 is not built; " + app + " builds pushes to its branch"
                + " main.");
        DeliveryView tagDelivery = settled(deliveryOf(tagged));
        assertThat(tagDelivery.outcome()).isEqualTo(DeliveryOutcome.IGNORED);
        assertThat(tagDelivery.event()).isEqualTo("Tag Push Hook");
        assertThat(tagDelivery.ref()).isEqualTo("refs/tags/v1.0.0");
        assertThat(tagDelivery.buildNumber()).isNull();
        DeliveryView pushDelivery = settled(deliveryOf(pushed));
        assertThat(pushDelivery.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(builds.list(developer, app)).singleElement()
                .satisfies(b -> assertThat(b.number()).isEqualTo(pushDelivery.buildNumber()));
    }

    @Test
    void a_gitea_push_builds_and_so_does_a_forgejo_push_sent_as_a_form() throws Exception {
        String json = WebhookPayloads.giteaPush(repository, "refs/heads/main", BEFORE, COMMIT);
        byte[] document = json.getBytes(StandardCharsets.UTF_8);
        byte[] form = WebhookPayloads.form(json).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> gitea = send("gitea", WebhookPayloads.giteaHeaders("push", UUID.randomUUID().toString(),
                "application/json", document, secret, false), document);
        DeliveryView fromGitea = settled(deliveryOf(gitea));
        HttpResponse<String> forgejo = send("gitea", WebhookPayloads.giteaHeaders("push", UUID.randomUUID().toString(),
                "application/x-www-form-urlencoded", document, secret, true), form);
        DeliveryView fromForgejo = settled(deliveryOf(forgejo));

        assertThat(gitea.statusCode()).isEqualTo(202);
        assertThat(fromGitea.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(forgejo.statusCode()).isEqualTo(202);
        assertThat(fromForgejo.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(builds.list(developer, app)).extracting(BuildView::number)
                .contains(fromGitea.buildNumber(), fromForgejo.buildNumber());
    }

    @Test
    void a_redelivery_is_a_new_delivery_that_names_the_original_and_queues_a_build() throws Exception {
        byte[] body = WebhookPayloads.githubPush(repository, "refs/heads/main", BEFORE, COMMIT)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = send("github", WebhookPayloads.githubHeaders("push", UUID.randomUUID().toString(),
                "application/json", body, secret), body);
        DeliveryView original = settled(deliveryOf(answer));
        ApiClient api = fixtures.api(developer, port);

        ApiClient.Response redelivered = api.post("/api/v1/apps/" + app + "/webhook/deliveries/" + original.id()
                + "/redeliver", "");

        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(201);
        JsonNode made = redelivered.json().get("delivery");
        assertThat(made.get("redeliveryOf").asLong()).isEqualTo(original.id());
        assertThat(made.get("redeliveredBy").asString()).isEqualTo(developer.username());
        assertThat(made.get("deliveryId").isNull()).isTrue();
        assertThat(made.get("outcome").asString()).isEqualTo("BUILD_PENDING");
        DeliveryView again = settled(made.get("id").asLong());
        assertThat(again.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(again.buildNumber()).isNotEqualTo(original.buildNumber());
        assertThat(builds.get(developer, app, again.buildNumber()).requestedCommit()).isEqualTo(COMMIT);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'webhook.redelivered'"
                + " and target = ? and actor = ?", Integer.class, app, developer.username())).isEqualTo(1);
    }

    private DeliveryView settled(long id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.info(developer, app).deliveries().stream()
                .filter(d -> d.id() == id).findFirst().orElseThrow(), d -> d.outcome() != DeliveryOutcome.BUILD_PENDING);
    }

    private static long deliveryOf(HttpResponse<String> answer) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body()).get("delivery").asLong();
    }

    private HttpResponse<String> send(String provider, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/" + provider
                + "/" + app)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
