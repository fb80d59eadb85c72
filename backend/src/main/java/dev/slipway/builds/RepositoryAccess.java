package dev.slipway.builds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether the app's builds fetch with an access token: who set it and when, never the token.
 *
 * @param canChange whether the user looking may set or remove it (MAINTAINERs)
 */
public record RepositoryAccess(boolean hasToken, @Nullable String setBy, @Nullable Instant setAt, boolean canChange) {
}
