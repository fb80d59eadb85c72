package dev.slipway.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process PostgreSQL, used only when no database URL is configured.
 *
 * @param dataDir   the directory that holds Slipway's local state; PostgreSQL's files go to
 *                  {@code <dataDir>/postgres} ({@code SLIPWAY_DATA_DIR}, default {@code ~/.slipway})
 * @param port      the loopback port PostgreSQL listens on; 0 picks a free one at each start
 * @param ephemeral when true the database lives in a temporary directory that is deleted on shutdown
 *                  (tests); the data directory is then not used
 */
@ConfigurationProperties("slipway.database.embedded")
public record DatabaseProperties(
        @DefaultValue("${user.home}/.slipway") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral) {
}
