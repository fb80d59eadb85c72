package dev.slipway.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Immutable once written: a change to the config is a new version. */
@Entity
@Table(name = "config_versions")
class ConfigVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private long environmentId;

    @Column(nullable = false, updatable = false)
    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private ConfigEntries entries;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConfigVersion() {
    }

    ConfigVersion(long appId, long environmentId, int number, ConfigEntries entries, String summary, String createdBy,
                  Instant createdAt) {
        this.appId = appId;
        this.environmentId = environmentId;
        this.number = number;
        this.entries = entries;
        this.summary = summary;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    int number() {
        return number;
    }

    ConfigEntries entries() {
        return entries;
    }

    String summary() {
        return summary;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
