package dev.slipway.rollouts;

import dev.slipway.apps.DeployStrategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "rollouts")
class Rollout {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private long environmentId;

    @Column(name = "release_id", nullable = false, updatable = false)
    private long releaseId;

    @Column(name = "stable_release_id", updatable = false)
    private @Nullable Long stableReleaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DeployStrategy strategy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RolloutPhase phase;

    /** Strategy-specific state, see {@link Progress}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> progress = new HashMap<>();

    @Column(name = "fast_track", nullable = false, updatable = false)
    private boolean fastTrack;

    private @Nullable String reason;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "deadline_at")
    private @Nullable Instant deadlineAt;

    @Column(name = "next_check_at")
    private @Nullable Instant nextCheckAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Version
    private long version;

    protected Rollout() {
    }

    Rollout(long appId, long environmentId, long releaseId, @Nullable Long stableReleaseId, DeployStrategy strategy,
            boolean fastTrack, String startedBy, Instant now) {
        this.appId = appId;
        this.environmentId = environmentId;
        this.releaseId = releaseId;
        this.stableReleaseId = stableReleaseId;
        this.strategy = strategy;
        this.fastTrack = fastTrack;
        this.startedBy = startedBy;
        this.startedAt = now;
        this.phase = RolloutPhase.PROGRESSING;
        this.nextCheckAt = now;
    }

    long id() {
        return id;
    }

    long appId() {
        return appId;
    }

    long environmentId() {
        return environmentId;
    }

    long releaseId() {
        return releaseId;
    }

    @Nullable Long stableReleaseId() {
        return stableReleaseId;
    }

    DeployStrategy strategy() {
        return strategy;
    }

    RolloutPhase phase() {
        return phase;
    }

    boolean fastTrack() {
        return fastTrack;
    }

    Progress progress() {
        return new Progress(progress);
    }

    @Nullable String reason() {
        return reason;
    }

    String startedBy() {
        return startedBy;
    }

    Instant startedAt() {
        return startedAt;
    }

    @Nullable Instant finishedAt() {
        return finishedAt;
    }

    @Nullable Instant deadlineAt() {
        return deadlineAt;
    }

    /** Moves to {@code next}; a final phase stamps the end and clears the timer. */
    void moveTo(RolloutPhase next, @Nullable String why, Instant now) {
        this.phase = next;
        if (why != null) {
            this.reason = why;
        }
        if (!next.active()) {
            this.finishedAt = now;
            this.nextCheckAt = null;
            this.deadlineAt = null;
        }
    }

    void keep(Progress updated, @Nullable Instant deadline, @Nullable Instant checkAgainAt) {
        this.progress = new HashMap<>(updated.values());
        this.deadlineAt = deadline;
        this.nextCheckAt = phase.active() ? checkAgainAt : null;
    }
}
