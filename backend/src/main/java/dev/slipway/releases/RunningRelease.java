package dev.slipway.releases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The release an app runs in an environment, and since when.
 *
 * @param slot the blue-green slot it serves from; null when the app runs in one Deployment
 */
public record RunningRelease(ReleaseView release, Instant since, @Nullable String slot) {
}
