package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.WebhookPayloads;
import dev.slipway.webhooks.WebhookProvider.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Requests as each provider sends them: which event they name, which bytes are signed, what is kept. */
class ProviderRequestTest {

    static final String SECRET = "whsec_0123456789abcdef";
    static final String REPOSITORY = "https://github.com/Codertocat/Hello-World.git";
    static final String BEFORE = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    static final String AFTER = "bffeb74224043ba2feb48d137756c8a9331c449a";

    @Test
    void a_github_form_is_signed_as_sent_and_carries_the_push_in_its_payload_field() {
        String json = WebhookPayloads.githubPush(REPOSITORY, "refs/heads/main", BEFORE, AFTER);
        byte[] form = WebhookPayloads.form(json).getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = request(WebhookPayloads.githubHeaders("push", "d-1",
                "application/x-www-form-urlencoded", form, SECRET), form);

        assertThat(Signatures.problem(WebhookProvider.GITHUB, request, SECRET)).isEmpty();
        assertThat(request.formEncoded()).isTrue();
        assertThat(new String(request.document().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(PushEvent.parse(WebhookProvider.GITHUB, request.document().orElseThrow()).orElseThrow().commit())
                .isEqualTo(AFTER);
    }

    @Test
    void a_github_form_signed_over_its_json_instead_of_the_body_is_refused() {
        String json = WebhookPayloads.githubPush(REPOSITORY, "refs/heads/main", BEFORE, AFTER);
        byte[] form = WebhookPayloads.form(json).getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = request(WebhookPayloads.githubHeaders("push", "d-1",
                "application/x-www-form-urlencoded", json.getBytes(StandardCharsets.UTF_8), SECRET), form);

        assertThat(Signatures.problem(WebhookProvider.GITHUB, request, SECRET)).hasValueSatisfying(problem ->
                assertThat(problem).contains("does not match"));
    }

    @Test
    void gitea_and_forgejo_sign_the_json_also_when_they_send_it_as_a_form() {
        String json = WebhookPayloads.giteaPush(REPOSITORY, "refs/heads/main", BEFORE, AFTER);
        byte[] document = json.getBytes(StandardCharsets.UTF_8);
        byte[] form = WebhookPayloads.form(json).getBytes(StandardCharsets.UTF_8);

        WebhookRequest giteaJson = request(WebhookPayloads.giteaHeaders("push", "g-1", "application/json", document,
                SECRET, false), document);
        WebhookRequest forgejoForm = request(WebhookPayloads.giteaHeaders("push", "f-1",
                "application/x-www-form-urlencoded", document, SECRET, true), form);

        assertThat(Signatures.problem(WebhookProvider.GITEA, giteaJson, SECRET)).isEmpty();
        assertThat(Signatures.problem(WebhookProvider.GITEA, forgejoForm, SECRET)).isEmpty();
        assertThat(Signatures.problem(WebhookProvider.GITEA, forgejoForm, "another secret")).isPresent();
    }

    @Test
    void the_event_header_of_each_provider_names_what_a_delivery_is() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpHeaders gitea = headers(WebhookPayloads.giteaHeaders("push", "g-1", "application/json", body, SECRET, false));
        HttpHeaders forgejo = headers(WebhookPayloads.giteaHeaders("pull_request", "f-1", "application/json", body,
                SECRET, true));

        assertThat(WebhookProvider.GITHUB.kind("push")).isEqualTo(EventKind.PUSH);
        assertThat(WebhookProvider.GITHUB.kind("ping")).isEqualTo(EventKind.PING);
        assertThat(WebhookProvider.GITHUB.kind("pull_request")).isEqualTo(EventKind.OTHER);
        assertThat(WebhookProvider.GITHUB.kind("create")).isEqualTo(EventKind.OTHER);
        assertThat(WebhookProvider.GITHUB.kind(null)).isEqualTo(EventKind.OTHER);
        assertThat(WebhookProvider.GITLAB.kind("Push Hook")).isEqualTo(EventKind.PUSH);
        assertThat(WebhookProvider.GITLAB.kind("Tag Push Hook")).isEqualTo(EventKind.PUSH);
        assertThat(WebhookProvider.GITLAB.kind("Merge Request Hook")).isEqualTo(EventKind.OTHER);
        assertThat(WebhookProvider.GITLAB.kind("ping")).as("GitLab has no ping").isEqualTo(EventKind.OTHER);
        assertThat(WebhookProvider.GITEA.event(gitea)).isEqualTo("push");
        assertThat(WebhookProvider.GITEA.deliveryId(gitea)).isEqualTo("g-1");
        assertThat(WebhookProvider.GITEA.event(forgejo)).isEqualTo("pull_request");
        assertThat(WebhookProvider.GITEA.kind(WebhookProvider.GITEA.event(forgejo))).isEqualTo(EventKind.OTHER);
    }

    @Test
    void signature_and_token_headers_are_redacted_before_they_are_kept() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpHeaders gitea = headers(WebhookPayloads.giteaHeaders("push", "g-1", "application/json", body, SECRET, true));
        gitea.add("Authorization", "Bearer gitea-authorization-header");
        HttpHeaders gitlab = headers(WebhookPayloads.gitlabHeaders("Push Hook", SECRET));

        var keptGitea = StoredRequests.redacted(gitea);
        var keptGitlab = StoredRequests.redacted(gitlab);

        assertThat(keptGitea).filteredOn(h -> h.name().toLowerCase().contains("signature") || h.name().equals("Authorization"))
                .hasSize(6).allSatisfy(h -> assertThat(h.value()).isEqualTo(StoredRequests.REDACTED));
        assertThat(keptGitea).contains(new DeliveryDetail.Header("X-Gitea-Event", "push"),
                new DeliveryDetail.Header("Content-Type", "application/json"));
        assertThat(keptGitlab).contains(new DeliveryDetail.Header("X-Gitlab-Token", StoredRequests.REDACTED),
                new DeliveryDetail.Header("X-Gitlab-Event", "Push Hook"));
        assertThat(StoredRequests.json(keptGitea) + StoredRequests.json(keptGitlab)).doesNotContain(SECRET)
                .doesNotContain("gitea-authorization-header");
        assertThat(StoredRequests.fromJson(StoredRequests.json(keptGitlab))).isEqualTo(keptGitlab);
    }

    private static WebhookRequest request(Map<String, String> headers, byte[] body) {
        return new WebhookRequest(headers(headers), body);
    }

    private static HttpHeaders headers(Map<String, String> values) {
        HttpHeaders headers = new HttpHeaders();
        values.forEach(headers::add);
        return headers;
    }
}
