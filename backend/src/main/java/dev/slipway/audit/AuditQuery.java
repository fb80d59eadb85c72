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
 * @param app    exact app name: the entries whose target is that app (deploys, config, builds, ...)
 * @param from   inclusive lower bound of the time
 * @param to     exclusive upper bound of the time
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target,
                         @Nullable String team, @Nullable String app, @Nullable Instant from, @Nullable Instant to) {

    /** A query without the app filter, as the admin console's first filters had it. */
    public AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target, @Nullable String team,
                      @Nullable Instant from, @Nullable Instant to) {
        this(actor, action, target, team, null, from, to);
    }

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
