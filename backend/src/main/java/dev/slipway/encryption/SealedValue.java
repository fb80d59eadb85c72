package dev.slipway.encryption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One encrypted value: its ciphertext under its own data key, and that data key wrapped by a master key. */
@Entity
@Table(name = "sealed_values")
class SealedValue {

    @Id
    private UUID id;

    @Column(name = "kek_id", nullable = false)
    private String masterKeyId;

    /** nonce followed by the AES-GCM encryption of the data key under the master key */
    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    /** nonce followed by the AES-GCM encryption of the value under the data key */
    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SealedValue() {
    }

    SealedValue(UUID id, String masterKeyId, byte[] wrappedKey, byte[] ciphertext, Instant createdAt) {
        this.id = id;
        this.masterKeyId = masterKeyId;
        this.wrappedKey = wrappedKey;
        this.ciphertext = ciphertext;
        this.createdAt = createdAt;
    }

    /** The same value with its data key now wrapped by another master key; the ciphertext is untouched. */
    void rewrapped(String newMasterKeyId, byte[] newWrappedKey) {
        this.masterKeyId = newMasterKeyId;
        this.wrappedKey = newWrappedKey;
    }

    UUID id() {
        return id;
    }

    String masterKeyId() {
        return masterKeyId;
    }

    byte[] wrappedKey() {
        return wrappedKey;
    }

    byte[] ciphertext() {
        return ciphertext;
    }
}
