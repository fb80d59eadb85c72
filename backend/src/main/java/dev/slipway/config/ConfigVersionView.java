package dev.slipway.config;

import java.time.Instant;

/** One version in the config history, with what changed from the version before it. */
public record ConfigVersionView(int number, String createdBy, Instant createdAt, ConfigDiff changes) {
}
