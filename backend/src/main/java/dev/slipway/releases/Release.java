package dev.slipway.releases;

import dev.slipway.sandbox.SandboxBehaviour;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** Immutable once written: every column is {@code updatable = false}. */
@Entity
@Table(name = "releases")
class Release {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private long environmentId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String image;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private ReleaseSettings settings;

    @Enumerated(EnumType.STRING)
    @Column(name = "sandbox_behaviour", nullable = false, updatable = false)
    private SandboxBehaviour sandboxBehaviour;

    /** The config version the release runs with; null when the app had no config in the environment. */
    @Column(name = "config_version_id", updatable = false)
    private @Nullable Long configVersionId;

    @Column(name = "rollback_of", updatable = false)
    private @Nullable Integer rollbackOf;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Release() {
    }

    Release(long appId, long environmentId, int number, String image, ReleaseSettings settings,
            @Nullable Long configVersionId, SandboxBehaviour sandboxBehaviour, @Nullable Integer rollbackOf,
            String createdBy, Instant createdAt) {
        this.configVersionId = configVersionId;
        this.appId = appId;
        this.environmentId = environmentId;
        this.number = number;
        this.image = image;
        this.settings = settings;
        this.sandboxBehaviour = sandboxBehaviour;
        this.rollbackOf = rollbackOf;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    ReleaseView toView() {
        return new ReleaseView(id, appId, environmentId, number, image, settings, configVersionId, sandboxBehaviour,
                rollbackOf,
                createdBy, createdAt);
    }
}
