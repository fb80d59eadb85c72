package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.BackendTestApplication;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
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

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(BackendTestApplication.class)
                .profiles("test")
                .properties("server.port=0")
                // as command-line arguments, because they must win over application.yml like a user's settings do
                .run(Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }

    private static boolean signIn(ConfigurableApplicationContext slipway, String username, String password) throws Exception {
        AuthenticationManager manager = slipway.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)).isAuthenticated();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
