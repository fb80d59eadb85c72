package dev.slipway.apps;

import java.time.Instant;

/** A line of the apps list. */
public record AppSummary(String name, String team, String description, AppSource source, String origin,
                         Instant updatedAt) {
}
