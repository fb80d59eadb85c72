package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.BackendTestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/** The first start on an empty database; each test starts Slipway on a database of its own. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @Test
    void the_first_admin_gets_the_configured_password() throws Exception {
        try (ConfigurableApplicationContext slipway = start("slipway.admin.password=configured-secret-pw",
                "slipway.admin.username=root")) {
            assertThat(signIn(slipway, "root", "configured-secret-pw")).isTrue();
            assertThat(slipway.getBean(UserService.class).find("root")).hasValueSatisfying(u ->
                    assertThat(u.platformAdmin()).isTrue());
        }
    }

    @Test
    void without_a_configured_password_one_is_generated_and_printed_once(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext slipway = start("slipway.admin.password=")) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is in the log").isTrue();
            assertThat(signIn(slipway, "admin", printed.group(1))).isTrue();

            int printedBefore = count(output.getOut(), "shown only once");
            slipway.getBean(AdminBootstrap.class).run(null);
            assertThat(count(output.getOut(), "shown only once")).isEqualTo(printedBefore);
        }
    }

    @Test
    void a_token_file_becomes_a_token_of_the_admin_and_a_revoked_one_does_not_come_back(@TempDir Path dir)
            throws Exception {
        String token = "slw_" + "0123456789abcdef".repeat(4);
        Path file = Files.writeString(dir.resolve("admin-token"), token + "\n");
        try (ConfigurableApplicationContext slipway = start("slipway.admin.token-file=" + file)) {
            ApiTokenService tokens = slipway.getBean(ApiTokenService.class);
            assertThat(tokens.authenticate(token)).hasValueSatisfying(login -> {
                assertThat(login.principal().getUsername()).isEqualTo("admin");
                assertThat(login.readOnly()).isFalse();
            });

            UserService users = slipway.getBean(UserService.class);
            tokens.revokeAll(users.actor(users.idOf("admin")));
            slipway.getBean(AdminBootstrap.class).run(null);

            assertThat(tokens.authenticate(token)).as("a revoked bootstrap token stays revoked").isEmpty();
        }
    }

    @Test
    void a_malformed_token_file_stops_the_start_saying_what_it_must_hold(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token"), "hunter2");

        Throwable failure = catchThrowable(() -> start("slipway.admin.token-file=" + file).close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .hasMessageContaining("SLIPWAY_ADMIN_TOKEN_FILE")
                .hasMessageContaining("'slw_' followed by 32 to 196")
                .hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining("hunter2");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(BackendTestApplication.class)
                .profiles("test")
                // as command-line arguments, because they must win over application.yml like a user's settings do
                // (the port too: application.yml's ${PORT:8080} beats default properties)
                .run(Stream.concat(Stream.of("server.port=0"), Arrays.stream(properties))
                        .map(p -> "--" + p).toArray(String[]::new));
    }

    private static boolean signIn(ConfigurableApplicationContext slipway, String username, String password) throws Exception {
        AuthenticationManager manager = slipway.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)).isAuthenticated();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
