package dev.slipway.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An app's webhook secret, as a reference to its sealed value. */
@Entity
@Table(name = "app_webhooks")
class AppWebhook {

    @Id
    @Column(name = "app_id")
    private Long appId;

    @Column(name = "secret_id", nullable = false)
    private UUID secretId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppWebhook() {
    }

    AppWebhook(long appId, UUID secretId, String createdBy, Instant createdAt) {
        this.appId = appId;
        this.secretId = secretId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A new secret; returns the old one's sealed value, which the caller deletes. */
    UUID replaceSecret(UUID newSecretId, String by, Instant at) {
        UUID old = secretId;
        secretId = newSecretId;
        createdBy = by;
        createdAt = at;
        return old;
    }

    UUID secretId() {
        return secretId;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
