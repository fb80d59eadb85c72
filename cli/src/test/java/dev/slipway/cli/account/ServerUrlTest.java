package dev.slipway.cli.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

    @Test
    void urls_are_compared_and_stored_in_one_spelling() {
        assertThat(ServerUrl.normalize(" HTTP://LocalHost:8080/ ")).isEqualTo("http://localhost:8080");
        assertThat(ServerUrl.normalize("https://tools.example.com/slipway//")).isEqualTo("https://tools.example.com/slipway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "ftp://host", "https://", "https://ana:pw@host", "https://host/?x=1",
        "not a url"})
    void anything_but_an_http_address_of_a_server_is_a_usage_error(String url) {
        assertThatThrownBy(() -> ServerUrl.normalize(url))
                .isInstanceOf(CliException.class)
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void plain_http_is_flagged_unless_it_stays_on_this_machine() {
        assertThat(ServerUrl.plainTextOverNetwork("http://slipway.internal")).isTrue();
        assertThat(ServerUrl.plainTextOverNetwork("http://localhost:8080")).isFalse();
        assertThat(ServerUrl.plainTextOverNetwork("http://127.0.0.1:8080")).isFalse();
        assertThat(ServerUrl.plainTextOverNetwork("https://slipway.example.com")).isFalse();
    }
}
