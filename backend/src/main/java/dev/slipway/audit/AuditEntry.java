package dev.slipway.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param action     what happened, as {@code <thing>.<verb>} (e.g. {@code app.created})
 * @param targetType the kind of thing changed (e.g. {@code app})
 * @param target     its name at the time
 * @param team       the owning team's name, when the thing belongs to a team
 * @param details    the changed fields; never secret values
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType,
                         String target, @Nullable String team, Map<String, String> details) {
}
