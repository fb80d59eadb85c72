package dev.slipway.registries;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "registries")
class Registry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private boolean insecure;

    private @Nullable String username;

    @Column(name = "password_id")
    private @Nullable UUID passwordId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Registry() {
    }

    Registry(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Returns the sealed password this replaces, for the caller to delete once the row points elsewhere. */
    @Nullable UUID describe(String address, boolean insecure, @Nullable String username, @Nullable UUID passwordId,
                            Instant now) {
        UUID old = this.passwordId;
        this.address = address;
        this.insecure = insecure;
        this.username = username;
        this.passwordId = passwordId;
        this.updatedAt = now;
        return old;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String address() {
        return address;
    }

    boolean insecure() {
        return insecure;
    }

    @Nullable String username() {
        return username;
    }

    @Nullable UUID passwordId() {
        return passwordId;
    }
}
