package dev.slipway.encryption;

import dev.slipway.database.EmbeddedDatabase;
import dev.slipway.shared.UnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals values for storage and opens them again. Callers keep only the returned id; the plaintext is
 * never stored, logged or part of an exception message.
 */
@Service
@EnableConfigurationProperties(EncryptionProperties.class)
public class Envelopes {

    private final SealedValueRepository repository;
    private final Optional<MasterKey> masterKey;
    private final Clock clock;

    Envelopes(SealedValueRepository repository, EncryptionProperties properties,
              ObjectProvider<EmbeddedDatabase> embeddedDatabase, Clock clock) {
        this.repository = repository;
        this.masterKey = MasterKeySource.load(properties, Optional.ofNullable(embeddedDatabase.getIfAvailable()));
        this.clock = clock;
        refuseToStartWithUnreadableValues();
    }

    /** Encrypts {@code plaintext} under a fresh data key and returns the id that refers to it. */
    @Transactional
    public UUID seal(String plaintext) {
        MasterKey kek = masterKey.orElseThrow(() -> new UnavailableException("Slipway has no master key, so it"
                + " cannot store credentials or secrets. An operator sets SLIPWAY_MASTER_KEY (32 random bytes in"
                + " base64: `openssl rand -base64 32`) or SLIPWAY_MASTER_KEY_FILE and restarts Slipway."));
        UUID id = UUID.randomUUID();
        SecretKey dataKey = newDataKey();
        byte[] ciphertext = Aead.encrypt(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), valueAad(id));
        byte[] wrappedKey = Aead.encrypt(kek.key(), dataKey.getEncoded(), keyAad(id, kek.id()));
        repository.save(new SealedValue(id, kek.id(), wrappedKey, ciphertext, clock.instant()));
        return id;
    }

    /** Decrypts the value with this id; fails loudly if it was altered. */
    @Transactional(readOnly = true)
    public String open(UUID id) {
        SealedValue sealed = repository.findById(id)
                .orElseThrow(() -> new IllegalStateException("No sealed value with id " + id));
        MasterKey kek = masterKey.filter(k -> k.id().equals(sealed.masterKeyId()))
                .orElseThrow(() -> new IllegalStateException("Sealed value " + id + " is wrapped by master key "
                        + sealed.masterKeyId() + ", which is not configured"));
        byte[] dataKey = Aead.decrypt(kek.key(), sealed.wrappedKey(), keyAad(id, kek.id()));
        byte[] plaintext = Aead.decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), valueAad(id));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /** Forgets a value; its owner no longer refers to it. */
    @Transactional
    public void delete(UUID id) {
        repository.deleteById(id);
    }

    /**
     * Refuses to start when the database holds values no configured key can open: losing the key is not
     * a state Slipway should run in, because every save would add values that can be read and old ones that
     * cannot.
     */
    private void refuseToStartWithUnreadableValues() {
        List<String> inUse = repository.findMasterKeyIdsInUse();
        if (inUse.isEmpty()) {
            return;
        }
        if (masterKey.isEmpty()) {
            throw new IllegalStateException("The database holds encrypted values but Slipway has no master key."
                    + " Set SLIPWAY_MASTER_KEY or SLIPWAY_MASTER_KEY_FILE to the key that encrypted them.");
        }
        List<String> unknown = inUse.stream().filter(id -> !id.equals(masterKey.get().id())).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The database holds values encrypted with master key(s) " + unknown
                    + " but the configured master key is " + masterKey.get().id()
                    + ". Configure the key that encrypted them.");
        }
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
    }

    private static byte[] valueAad(UUID id) {
        return ByteBuffer.allocate(17).put((byte) 'v').putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static byte[] keyAad(UUID id, String masterKeyId) {
        byte[] kekId = masterKeyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(17 + kekId.length).put((byte) 'k').putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).put(kekId).array();
    }
}
