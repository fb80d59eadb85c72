package dev.slipway.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "api_tokens")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private byte[] tokenHash;

    @Column(name = "token_prefix", nullable = false, updatable = false)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private @Nullable Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "read_only", nullable = false, updatable = false)
    private boolean readOnly;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, byte[] tokenHash, String tokenPrefix, Instant createdAt,
             @Nullable Instant expiresAt, boolean readOnly) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.readOnly = readOnly;
    }

    boolean readOnly() {
        return readOnly;
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Revokes the token; false when it already was, so the first revocation time stays. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    ApiTokenView toView() {
        return new ApiTokenView(id, name, tokenPrefix, createdAt, expiresAt, lastUsedAt, revokedAt, readOnly);
    }
}
