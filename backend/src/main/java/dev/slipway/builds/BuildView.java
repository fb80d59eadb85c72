package dev.slipway.builds;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One build of an app.
 *
 * @param number  counted per app: #1, #2, ...
 * @param image   the pushed image pinned to its digest (registry/repository@sha256:...), what a deploy uses
 * @param reason  why it failed, was cancelled or interrupted, in words
 */
public record BuildView(long id, String app, int number, BuildStatus status, BuildTrigger trigger, String branch,
                        @Nullable String requestedCommit, @Nullable String commit, @Nullable String author,
                        @Nullable String message, @Nullable String image, @Nullable String digest,
                        @Nullable String reason, String requestedBy, Instant createdAt, @Nullable Instant startedAt,
                        @Nullable Instant finishedAt) {

    /** How long it ran; null before it started or while it runs. */
    public @Nullable Duration took() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** The first seven characters of the commit, as git shows it. */
    public @Nullable String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
    }
}
