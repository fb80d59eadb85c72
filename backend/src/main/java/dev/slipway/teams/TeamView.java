package dev.slipway.teams;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A team as its members see it.
 *
 * @param yourRole the asking user's role, or null when they see it only as a platform admin
 */
public record TeamView(String name, String displayName, String description, Instant createdAt,
                       @Nullable TeamRole yourRole, long members) {
}
