package dev.slipway.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner sees it later: never the token itself.
 *
 * @param prefix   the first characters of the token, to recognise it in a script's configuration
 * @param readOnly the token may only read (GET requests)
 */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
                           @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean readOnly) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
