package dev.slipway.releases;

import java.time.Instant;

/** The release an app runs in an environment, and since when. */
public record RunningRelease(ReleaseView release, Instant since) {
}
