package dev.slipway.promotions;

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
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "promotions")
class Promotion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(name = "from_environment_id", nullable = false, updatable = false)
    private long fromEnvironmentId;

    @Column(name = "to_environment_id", nullable = false, updatable = false)
    private long toEnvironmentId;

    @Column(name = "source_release", nullable = false, updatable = false)
    private int sourceRelease;

    @Column(nullable = false, updatable = false)
    private String image;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromotionStatus status;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    private @Nullable String comment;

    @Column(name = "target_release")
    private @Nullable Integer targetRelease;

    @Version
    private long version;

    protected Promotion() {
    }

    Promotion(long appId, long fromEnvironmentId, long toEnvironmentId, int sourceRelease, String image,
              String requestedBy, Instant requestedAt) {
        this.appId = appId;
        this.fromEnvironmentId = fromEnvironmentId;
        this.toEnvironmentId = toEnvironmentId;
        this.sourceRelease = sourceRelease;
        this.image = image;
        this.status = PromotionStatus.PENDING;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void decide(PromotionStatus outcome, String by, Instant at, @Nullable String comment, @Nullable Integer release) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.comment = comment;
        this.targetRelease = release;
    }

    long id() {
        return id;
    }

    long appId() {
        return appId;
    }

    long fromEnvironmentId() {
        return fromEnvironmentId;
    }

    long toEnvironmentId() {
        return toEnvironmentId;
    }

    int sourceRelease() {
        return sourceRelease;
    }

    String image() {
        return image;
    }

    PromotionStatus status() {
        return status;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    @Nullable String decidedBy() {
        return decidedBy;
    }

    @Nullable Instant decidedAt() {
        return decidedAt;
    }

    @Nullable String comment() {
        return comment;
    }

    @Nullable Integer targetRelease() {
        return targetRelease;
    }
}
