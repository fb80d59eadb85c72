package dev.slipway.releases;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Which release an app runs in an environment, as far as a rollout finished. */
@Entity
@Table(name = "environment_releases")
@IdClass(EnvironmentRelease.Key.class)
class EnvironmentRelease {

    record Key(long appId, long environmentId) implements Serializable {
    }

    @Id
    @Column(name = "app_id")
    private long appId;

    @Id
    @Column(name = "environment_id")
    private long environmentId;

    @Column(name = "stable_release_id", nullable = false)
    private long stableReleaseId;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "slot")
    private @Nullable String slot;

    protected EnvironmentRelease() {
    }

    EnvironmentRelease(long appId, long environmentId, long stableReleaseId, @Nullable String slot, Instant since) {
        this.slot = slot;
        this.appId = appId;
        this.environmentId = environmentId;
        this.stableReleaseId = stableReleaseId;
        this.since = since;
    }

    long stableReleaseId() {
        return stableReleaseId;
    }

    Instant since() {
        return since;
    }

    @Nullable String slot() {
        return slot;
    }

    void runs(long releaseId, @Nullable String slot, Instant now) {
        this.slot = slot;
        if (releaseId != stableReleaseId) {
            stableReleaseId = releaseId;
            since = now;
        }
    }
}
