package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.BackendTestApplication;
import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.testing.DebianPostgres;
import dev.slipway.testing.Fixtures;
import dev.slipway.teams.TeamRole;
import dev.slipway.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an operator's backup holds: Slipway on an external PostgreSQL (Debian's, so that its own pg_dump
 * matches the server), secrets and cluster credentials stored, then a plain {@code pg_dump}.
 */
class PlainDumpTest {

    @Test
    void a_plain_pg_dump_holds_variables_but_no_secret_value_in_clear() throws Exception {
        assumeTrue(DebianPostgres.binaries().isPresent(), "needs Debian's postgresql package (.ci/run installs it)");
        String secret = "dump-canary-" + System.nanoTime();
        String token = "cluster-token-" + System.nanoTime();
        try (DebianPostgres postgres = DebianPostgres.start()) {
            try (ConfigurableApplicationContext slipway = new SpringApplicationBuilder(BackendTestApplication.class)
                    .profiles("test")
                    // as arguments: default properties would lose to application.yml's empty database URL
                    .run("--spring.datasource.url=" + postgres.jdbcUrl(), "--server.port=0")) {
                Fixtures fixtures = slipway.getAutowireCapableBeanFactory().createBean(Fixtures.class);
                String team = fixtures.team();
                String app = fixtures.app(team).name();
                Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
                ConfigService config = slipway.getBean(ConfigService.class);
                config.change(developer, app, "dev", new ConfigChange(Map.of("VISIBLE", "plain-variable-value"),
                        Map.of("DB_PASSWORD", secret), null, null));
                config.importDotEnv(developer, app, "staging", "IMPORTED=" + secret + "-2", true);
                slipway.getBean(ClusterService.class).register(fixtures.bootstrapAdmin(), new ClusterSpec(
                        Fixtures.unique("cluster"), ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                        "https://203.0.113.10:6443", null, false, token));
            }

            String dump = postgres.dump();

            assertThat(dump).contains("CREATE TABLE public.config_versions").contains("plain-variable-value");
            assertThat(dump).doesNotContain(secret).doesNotContain(token)
                    .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
