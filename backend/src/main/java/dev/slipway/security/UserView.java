package dev.slipway.security;

import java.time.Instant;

/** A user as others may see them. There is no way to read a password hash back. */
public record UserView(String username, String displayName, boolean platformAdmin, boolean enabled,
                       Instant createdAt) {
}
