/**
 * Where Slipway's state lives. With {@code SLIPWAY_DATABASE_URL} (or {@code spring.datasource.url}) set,
 * Spring Boot connects to that PostgreSQL server. Without it Slipway starts PostgreSQL itself, in-process,
 * with its files under {@code SLIPWAY_DATA_DIR} (default {@code ~/.slipway}), so a laptop needs nothing
 * installed and data survives restarts. Either way Flyway applies {@code db/migrations} first.
 */
@NullMarked
package dev.slipway.database;

import org.jspecify.annotations.NullMarked;
