package dev.slipway.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for browsing the audit log; null or blank means "any".
 *
 * @param actor  exact username
 * @param action an action or its prefix ({@code app.} matches every app action)
 * @param target substring of the target's name, case-insensitive
 * @param team   exact team name
 * @param from   inclusive lower bound of the time
 * @param to     exclusive upper bound of the time
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target,
                         @Nullable String team, @Nullable Instant from, @Nullable Instant to) {

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
