package dev.slipway.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL in-process when no database URL is configured, and points the application's
 * {@link DataSource} at it. Spring Boot's own DataSource configuration backs off because this one exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlCondition.class)
@EnableConfigurationProperties(DatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(properties.port());
        Optional<Path> postgresDir = properties.ephemeral()
                ? Optional.empty()
                : Optional.of(properties.dataDir().toAbsolutePath().resolve("postgres"));
        postgresDir.ifPresent(dir -> builder.setDataDirectory(createDirectories(dir)).setCleanDataDirectory(false));
        try {
            EmbeddedPostgres postgres = builder.start();
            postgresDir.ifPresent(dir -> log.info("Started PostgreSQL in-process with its data in {} (port {}).",
                    dir, postgres.getPort()));
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the in-process PostgreSQL"
                    + postgresDir.map(dir -> " with data directory " + dir).orElse("")
                    + ". If another Slipway is running with the same SLIPWAY_DATA_DIR, stop it or choose another"
                    + " directory; to use an existing server instead, set SLIPWAY_DATABASE_URL.", e);
        }
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres, DatabaseProperties properties) {
        Optional<Path> dataDir = properties.ephemeral()
                ? Optional.empty()
                : Optional.of(properties.dataDir().toAbsolutePath());
        return new EmbeddedDatabase(dataDir, jdbcUrl(postgres));
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as they do for an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(postgres));
        config.setUsername("postgres");
        config.setPoolName("slipway-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private static java.io.File createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the database directory " + dir
                    + "; set SLIPWAY_DATA_DIR to a directory Slipway may write to.", e);
        }
    }
}
