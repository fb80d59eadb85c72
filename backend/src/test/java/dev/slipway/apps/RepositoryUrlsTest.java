package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://git.example.com/team/app.git",
            "https://git.example.com:8443/team/app",
            "ssh://git@git.example.com/team/app.git",
            "ssh://git@git.example.com:2222/team/app.git",
            "git@git.example.com:team/app.git",
            "git.example.com:team/app.git"})
    void accepts_https_ssh_and_scp_like_locations(String url) {
        assertThat(RepositoryUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:secret@git.example.com/team/app.git | must not contain credentials",
            "https://ghp_token@git.example.com/team/app.git   | must not contain credentials",
            "ssh://git:secret@git.example.com/team/app.git    | must not contain a password",
            "http://git.example.com/team/app.git              | plain http",
            "git://git.example.com/team/app.git               | unauthenticated git://",
            "ftp://git.example.com/team/app.git               | scheme 'ftp'",
            "https://git.example.com                          | names no repository",
            "https://git.example.com/app.git?ref=x            | query",
            "https://git.exa mple.com/app.git                 | spaces",
            "not a url                                        | spaces",
            "justtext                                         | not a repository URL",
            "''                                               | is required"})
    void refuses_what_would_leak_credentials_or_travel_in_clear(String url, String expected) {
        assertThat(RepositoryUrls.problem(url, false)).hasValueSatisfying(problem -> assertThat(problem).contains(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/git/app.git", "file:///srv/git/app.git", "./app", "file:relative"})
    void refuses_local_paths_unless_allowed(String url) {
        assertThat(RepositoryUrls.problem(url, false)).hasValueSatisfying(p -> assertThat(p).contains("Settings"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/srv/git/app.git         | ",
            "file:///srv/git/app.git  | ",
            "./app                    | absolute path"})
    void accepts_only_absolute_local_paths_when_allowed(String url, String expected) {
        if (expected == null) {
            assertThat(RepositoryUrls.problem(url, true)).isEmpty();
        } else {
            assertThat(RepositoryUrls.problem(url, true)).hasValueSatisfying(p -> assertThat(p).contains(expected));
        }
    }

    @Test
    void ssh_and_scp_like_urls_are_fetched_over_ssh_and_the_rest_are_not() {
        assertThat(RepositoryUrls.isSsh("ssh://git@git.example.com:2222/shop/api.git")).isTrue();
        assertThat(RepositoryUrls.isSsh("git@git.example.com:shop/api.git")).isTrue();
        assertThat(RepositoryUrls.isSsh("https://git.example.com/shop/api.git")).isFalse();
        assertThat(RepositoryUrls.isSsh("/srv/git/api.git")).isFalse();
        assertThat(RepositoryUrls.isSsh("file:///srv/git/api.git")).isFalse();
    }

    @Test
    void refuses_oversize_urls() {
        String url = "https://git.example.com/" + "a".repeat(RepositoryUrls.MAX_LENGTH);
        assertThat(RepositoryUrls.problem(url, false)).hasValueSatisfying(p -> assertThat(p).contains("at most 2048"));
    }

    @Test
    void every_form_of_a_repository_url_names_the_same_repository() {
        String https = RepositoryUrls.identity("https://git.example.com/Shop/API.git");
        assertThat(RepositoryUrls.identity("git@git.example.com:shop/api.git")).isEqualTo(https);
        assertThat(RepositoryUrls.identity("ssh://git@git.example.com:22/shop/api")).isEqualTo(https);
        assertThat(RepositoryUrls.identity("https://token@git.example.com/shop/api/")).isEqualTo(https);
        assertThat(RepositoryUrls.identity("https://git.example.com/shop/other.git")).isNotEqualTo(https);
    }
}
