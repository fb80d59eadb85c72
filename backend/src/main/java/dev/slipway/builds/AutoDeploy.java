package dev.slipway.builds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Successful builds of {@code branch} deploy themselves to this environment. */
@Entity
@Table(name = "app_auto_deploys")
@IdClass(AutoDeploy.Key.class)
class AutoDeploy {

    record Key(long appId, long environmentId) implements Serializable {
    }

    @Id
    @Column(name = "app_id")
    private long appId;

    @Id
    @Column(name = "environment_id")
    private long environmentId;

    @Column(nullable = false)
    private String branch;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AutoDeploy() {
    }

    AutoDeploy(long appId, long environmentId, String branch, String createdBy, Instant createdAt) {
        this.appId = appId;
        this.environmentId = environmentId;
        this.branch = branch;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    long environmentId() {
        return environmentId;
    }

    String branch() {
        return branch;
    }
}
