package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushEventTest {

    @Test
    void github_gitea_and_gitlab_payloads_give_repository_branch_and_commit() {
        String github = """
                {"ref":"refs/heads/main","after":"1111111111111111111111111111111111111111",
                 "repository":{"clone_url":"https://github.example/shop/api.git","ssh_url":"git@github.example:shop/api.git"}}""";
        String gitlab = """
                {"ref":"refs/heads/main","checkout_sha":"2222222222222222222222222222222222222222",
                 "project":{"git_http_url":"https://gitlab.example/shop/api.git"}}""";

        PushEvent fromGithub = PushEvent.parse(WebhookProvider.GITHUB, github.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        PushEvent fromGitlab = PushEvent.parse(WebhookProvider.GITLAB, gitlab.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(fromGithub.branch()).contains("main");
        assertThat(fromGithub.isFor("git@github.example:shop/api.git")).isTrue();
        assertThat(fromGitlab.commit()).isEqualTo("2222222222222222222222222222222222222222");
        assertThat(fromGitlab.isFor("https://gitlab.example/shop/api")).isTrue();
        assertThat(PushEvent.parse(WebhookProvider.GITHUB, "not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PushEvent.parse(WebhookProvider.GITHUB, """
                {"ref":"refs/tags/v1","after":"0000000000000000000000000000000000000000"}""".getBytes(StandardCharsets.UTF_8))
                .orElseThrow().branch()).isEmpty();
    }

    @Test
    void a_gitlab_tag_push_is_a_tag_whose_ref_is_kept_as_pushed() {
        String tagPush = dev.slipway.testing.WebhookPayloads.gitlabPush("https://gitlab.example.com/mike/diaspora.git",
                "refs/tags/v1.0.0", "0000000000000000000000000000000000000000",
                "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", true);

        PushEvent pushed = PushEvent.parse(WebhookProvider.GITLAB, tagPush.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(pushed.tag()).isTrue();
        assertThat(pushed.branch()).isEmpty();
        assertThat(pushed.ref()).isEqualTo("refs/tags/v1.0.0");
        assertThat(pushed.isFor("git@gitlab.example.com:mike/diaspora.git")).isTrue();
    }
}
