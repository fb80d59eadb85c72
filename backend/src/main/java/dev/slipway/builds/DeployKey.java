package dev.slipway.builds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An app's ssh deploy key: the sealed key pair, its public half, and the git server's remembered host key. */
@Entity
@Table(name = "app_deploy_keys")
class DeployKey {

    @Id
    @Column(name = "app_id")
    private Long appId;

    @Column(name = "key_id", nullable = false)
    private UUID keyId;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "host_key")
    private @Nullable String hostKey;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DeployKey() {
    }

    DeployKey(long appId, UUID keyId, String publicKey, String createdBy, Instant createdAt) {
        this.appId = appId;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /**
     * Points at a new key pair; returns the old sealed value for the caller to delete. The host key
     * stays: the git server is the same.
     */
    UUID replace(UUID newKeyId, String newPublicKey, String by, Instant at) {
        UUID old = keyId;
        keyId = newKeyId;
        publicKey = newPublicKey;
        createdBy = by;
        createdAt = at;
        return old;
    }

    void rememberHostKey(@Nullable String key) {
        hostKey = key;
    }

    UUID keyId() {
        return keyId;
    }

    String publicKey() {
        return publicKey;
    }

    @Nullable String hostKey() {
        return hostKey;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
