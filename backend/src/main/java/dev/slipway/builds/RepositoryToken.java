package dev.slipway.builds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The access token an app's builds fetch its private repository with, as a reference to its sealed value. */
@Entity
@Table(name = "app_repository_tokens")
class RepositoryToken {

    @Id
    @Column(name = "app_id")
    private Long appId;

    @Column(name = "token_id", nullable = false)
    private UUID tokenId;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    protected RepositoryToken() {
    }

    RepositoryToken(long appId, UUID tokenId, String setBy, Instant setAt) {
        this.appId = appId;
        this.tokenId = tokenId;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    /** Points at a new sealed value; returns the old one for the caller to delete. */
    UUID replace(UUID newTokenId, String by, Instant at) {
        UUID old = tokenId;
        tokenId = newTokenId;
        setBy = by;
        setAt = at;
        return old;
    }

    UUID tokenId() {
        return tokenId;
    }

    String setBy() {
        return setBy;
    }

    Instant setAt() {
        return setAt;
    }
}
