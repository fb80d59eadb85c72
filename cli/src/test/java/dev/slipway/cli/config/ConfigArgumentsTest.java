package dev.slipway.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.CliException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigArgumentsTest {

    @Test
    void the_value_is_everything_after_the_first_equals_sign() {
        assertThat(ConfigCommand.assignments(List.of("URL=https://x/?a=b", "EMPTY=", "LOG_LEVEL=debug")))
                .containsExactly(java.util.Map.entry("URL", "https://x/?a=b"), java.util.Map.entry("EMPTY", ""),
                        java.util.Map.entry("LOG_LEVEL", "debug"));
    }

    @Test
    void arguments_without_a_name_or_twice_the_same_name_are_refused_together() {
        assertThatThrownBy(() -> ConfigCommand.assignments(List.of("NOVALUE", "=x", "A=1", "A=2")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("'NOVALUE' is not KEY=VALUE")
                .hasMessageContaining("'=x' is not KEY=VALUE")
                .hasMessageContaining("A is given twice");
    }

    @Test
    void a_piped_secret_loses_the_one_line_break_echo_adds_and_nothing_else() {
        assertThat(SecretCommand.value("s3cr3t\n".getBytes(StandardCharsets.UTF_8), "X")).isEqualTo("s3cr3t");
        assertThat(SecretCommand.value("s3cr3t\r\n".getBytes(StandardCharsets.UTF_8), "X")).isEqualTo("s3cr3t");
        assertThat(SecretCommand.value("-----BEGIN KEY-----\nabc\n-----END KEY-----\n\n".getBytes(StandardCharsets.UTF_8),
                "X")).isEqualTo("-----BEGIN KEY-----\nabc\n-----END KEY-----\n");
        assertThat(SecretCommand.value(" spaced ".getBytes(StandardCharsets.UTF_8), "X")).isEqualTo(" spaced ");
    }

    @Test
    void an_empty_stdin_is_no_secret() {
        assertThatThrownBy(() -> SecretCommand.value("\n".getBytes(StandardCharsets.UTF_8), "DB_PASSWORD"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("stdin held no value for DB_PASSWORD");
    }
}
