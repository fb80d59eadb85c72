package dev.slipway.cli.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.CliException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final Optional<ConfigFile.Login> STORED =
            Optional.of(new ConfigFile.Login("https://slipway.example.com", "slw_stored"));

    @Test
    void the_stored_login_is_used_when_no_variables_are_set() {
        Credentials c = Credentials.resolve(Map.of(), STORED, "/cfg/config.json");

        assertThat(c.url()).isEqualTo("https://slipway.example.com");
        assertThat(c.token()).isEqualTo("slw_stored");
        assertThat(c.source()).isEqualTo("/cfg/config.json");
    }

    @Test
    void slipway_url_and_token_win_over_the_stored_login_for_ci() {
        Credentials c = Credentials.resolve(Map.of("SLIPWAY_URL", "http://ci.internal:8080/", "SLIPWAY_TOKEN", "slw_ci\n"),
                STORED, "/cfg/config.json");

        assertThat(c.url()).isEqualTo("http://ci.internal:8080");
        assertThat(c.token()).isEqualTo("slw_ci");
        assertThat(c.source()).isEqualTo("SLIPWAY_TOKEN");
    }

    @Test
    void slipway_token_alone_uses_the_stored_url() {
        Credentials c = Credentials.resolve(Map.of("SLIPWAY_TOKEN", "slw_other"), STORED, "/cfg/config.json");

        assertThat(c.url()).isEqualTo("https://slipway.example.com");
        assertThat(c.token()).isEqualTo("slw_other");
    }

    @Test
    void the_stored_token_is_never_sent_to_another_server() {
        assertThatThrownBy(() -> Credentials.resolve(Map.of("SLIPWAY_URL", "https://evil.example.com"), STORED, "f"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("never sent elsewhere")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(4));
    }

    @Test
    void slipway_url_naming_the_stored_server_uses_its_token() {
        Credentials c = Credentials.resolve(Map.of("SLIPWAY_URL", "HTTPS://Slipway.example.com/"), STORED, "f");

        assertThat(c.token()).isEqualTo("slw_stored");
    }

    @Test
    void without_any_login_the_message_says_how_to_log_in() {
        assertThatThrownBy(() -> Credentials.resolve(Map.of(), Optional.empty(), "f"))
                .hasMessageContaining("Not logged in")
                .hasMessageContaining("slipway login URL")
                .hasMessageContaining("SLIPWAY_URL and SLIPWAY_TOKEN");
        assertThatThrownBy(() -> Credentials.resolve(Map.of("SLIPWAY_TOKEN", "slw_x"), Optional.empty(), "f"))
                .hasMessageContaining("SLIPWAY_TOKEN is set, but not SLIPWAY_URL");
    }

    @Test
    void the_token_never_shows_in_a_printed_credential() {
        assertThat(Credentials.resolve(Map.of(), STORED, "f").toString()).doesNotContain("slw_stored");
    }
}
