package dev.slipway.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Present as a bean only while Slipway runs its own PostgreSQL. Other features use it to keep their
 * local files next to the database (the generated master key, for one).
 *
 * @param dataDirectory the directory of Slipway's local state, or empty when the database is ephemeral
 * @param jdbcUrl       where the database listens, for people who want to look inside with psql
 */
public record EmbeddedDatabase(Optional<Path> dataDirectory, String jdbcUrl) {
}
