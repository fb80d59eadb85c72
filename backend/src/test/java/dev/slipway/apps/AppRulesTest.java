package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field rules that forms and the API share. */
class AppRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "billing-api", "web2", "a-b-c"})
    void accepts_dns_label_app_names(String name) {
        assertThat(AppService.nameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Billing", "2web", "web-", "-web", "web_api", "web.api", "wéb", ""})
    void refuses_names_kubernetes_would_refuse(String name) {
        assertThat(AppService.nameProblem(name)).isPresent();
    }

    @Test
    void refuses_names_that_leave_no_room_for_slipway_suffixes() {
        assertThat(AppService.nameProblem("a".repeat(40))).isEmpty();
        assertThat(AppService.nameProblem("a".repeat(41))).hasValueSatisfying(p -> assertThat(p).contains("at most 40"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nginx", "nginx:1.27", "library/nginx:latest", "registry.example.com/team/app:1.4.2",
            "localhost:5000/app", "registry.example.com:5000/a/b/c@sha256:0123456789abcdef0123456789abcdef01234567",
            "ghcr.io/org/app:v1.2.3-rc.1"})
    void accepts_valid_image_references(String reference) {
        assertThat(ImageReferences.problem(reference)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nginx", "nginx:", "nginx:bad tag", "registry.example.com/App:1", "app@sha256:short", "/app", ""})
    void refuses_invalid_image_references(String reference) {
        assertThat(ImageReferences.problem(reference)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "release/1.x", "feature/new-login", "v2"})
    void accepts_git_branch_names(String branch) {
        assertThat(GitRefs.branchProblem(branch)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature..x", "a b", "x~1", "-x", "x/", "/x", "a//b", ".hidden", "x.lock", "@", "x@{1}", "a:b"})
    void refuses_what_git_refuses_as_a_branch(String branch) {
        assertThat(GitRefs.branchProblem(branch)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/healthz", "/actuator/health/liveness", "/status?full=true"})
    void accepts_url_paths_for_probes(String path) {
        assertThat(HealthPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthz", "/health z", "", "http://x/y"})
    void refuses_probe_paths_that_are_not_paths(String path) {
        assertThat(HealthPaths.problem(path)).isPresent();
    }
}
