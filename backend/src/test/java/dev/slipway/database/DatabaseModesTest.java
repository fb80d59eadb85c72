package dev.slipway.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.BackendTestApplication;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;
import dev.slipway.shared.Actor;
import dev.slipway.teams.NewTeam;
import dev.slipway.teams.TeamService;
import dev.slipway.security.UserService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** How Slipway finds its database: its own, kept in a directory across restarts, or a configured server. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseModesTest {

    static EmbeddedPostgres externalServer;

    @BeforeAll
    static void startExternalServer() throws Exception {
        externalServer = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalServer() throws Exception {
        externalServer.close();
    }

    @Test
    void with_no_database_configured_data_survives_a_restart(@TempDir Path dataDir) {
        String dir = "slipway.database.embedded.data-dir=" + dataDir;
        try (ConfigurableApplicationContext first = start("slipway.database.embedded.ephemeral=false", dir)) {
            first.getBean(TeamService.class).create(admin(first), new NewTeam("survivors", "", ""));
        }
        try (ConfigurableApplicationContext second = start("slipway.database.embedded.ephemeral=false", dir)) {
            assertThat(second.getBean(TeamService.class).get(admin(second), "survivors").name()).isEqualTo("survivors");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("select count(*) from users", Integer.class))
                    .as("the first admin is created only once").isEqualTo(1);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void a_configured_database_url_is_used_and_migrated_instead_of_starting_one() {
        try (ConfigurableApplicationContext slipway = start("spring.datasource.url=" + externalUrl(),
                "spring.datasource.username=postgres", "spring.datasource.password=")) {
            assertThat(slipway.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(slipway.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
        }
        JdbcTemplate external = new JdbcTemplate(externalServer.getPostgresDatabase());
        assertThat(external.queryForObject("select count(*) from environments where name = 'dev'", Integer.class)).isEqualTo(1);
    }

    @Test
    void logs_are_one_json_object_per_line_when_asked(CapturedOutput output) {
        // A Spring context cached by an earlier test class has configured logging for this JVM, and a
        // configured logging system is not configured again: forget it, so this start applies its format,
        // and put the plain format back afterwards for the test classes that follow.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        try (ConfigurableApplicationContext ignored = start("spring.datasource.url=" + externalUrl(),
                "spring.datasource.username=postgres", "logging.structured.format.console=ecs")) {
            // Spring names the class surefire started the JVM with, so look for the message, not the name
            List<String> started = Arrays.stream(output.getOut().split("\\R"))
                    .filter(line -> line.contains("\"Started ")).toList();
            assertThat(started).singleElement().satisfies(line ->
                    assertThat(JsonMapper.builder().build().readTree(line).get("message").asString()).startsWith("Started "));
        } finally {
            logging.cleanUp();
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        }
    }

    private static String externalUrl() {
        return "jdbc:postgresql://127.0.0.1:" + externalServer.getPort() + "/postgres";
    }

    private static Actor admin(ConfigurableApplicationContext slipway) {
        UserService users = slipway.getBean(UserService.class);
        return users.actor(users.idOf("admin"));
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(BackendTestApplication.class)
                .profiles("test")
                .properties("server.port=0")
                // as command-line arguments, because they must win over application.yml like a user's settings do
                .run(Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
