package dev.slipway.encryption;

import dev.slipway.audit.AuditLog;
import dev.slipway.database.EmbeddedDatabase;
import dev.slipway.shared.Actor;
import dev.slipway.shared.UnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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

    private static final Logger log = LoggerFactory.getLogger(Envelopes.class);

    private final SealedValueRepository repository;
    private final Optional<MasterKey> masterKey;
    private final List<MasterKey> previousKeys;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Envelopes(SealedValueRepository repository, EncryptionProperties properties,
              ObjectProvider<EmbeddedDatabase> embeddedDatabase, AuditLog audit,
              PlatformTransactionManager transactionManager, Clock clock) {
        this.repository = repository;
        this.masterKey = MasterKeySource.load(properties, Optional.ofNullable(embeddedDatabase.getIfAvailable()));
        this.previousKeys = MasterKeySource.previous(properties).stream()
                .filter(k -> masterKey.map(current -> !current.id().equals(k.id())).orElse(true)).toList();
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        refuseToStartWithUnreadableValues();
    }

    /** Encrypts {@code plaintext} under a fresh data key and returns the id that refers to it. */
    @Transactional
    public UUID seal(String plaintext) {
        MasterKey kek = current();
        UUID id = UUID.randomUUID();
        SecretKey dataKey = newDataKey();
        byte[] ciphertext = Aead.encrypt(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), valueAad(id));
        byte[] wrappedKey = Aead.encrypt(kek.key(), dataKey.getEncoded(), keyAad(id, kek.id()));
        repository.save(new SealedValue(id, kek.id(), wrappedKey, ciphertext, clock.instant()));
        return id;
    }

    /**
     * Decrypts the value with this id; fails loudly if it was altered. The failure leaves the caller's
     * transaction usable, so the caller can record what went wrong.
     */
    @Transactional(readOnly = true, noRollbackFor = TamperedValueException.class)
    public String open(UUID id) {
        SealedValue sealed = repository.findById(id)
                .orElseThrow(() -> new IllegalStateException("No sealed value with id " + id));
        MasterKey kek = keyWithId(sealed.masterKeyId())
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

    /** Which master keys wrap the stored values; platform admins only. */
    @Transactional(readOnly = true)
    public KeyStatus keyStatus(Actor actor) {
        actor.requirePlatformAdmin("see the encryption keys");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : repository.countByMasterKey()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new KeyStatus(current().id(), counts, previousKeys.stream().map(MasterKey::id).toList());
    }

    /**
     * Wraps every data key that an earlier master key wraps with the current one instead. The values
     * themselves are not decrypted: only their 32-byte data keys are unwrapped and wrapped again. Runs in
     * batches, each its own transaction, so a crash halfway leaves every row readable with one key or
     * the other, and running it again finishes the job. A row whose data key fails authentication was
     * altered: it is reported and left alone rather than stopping the rotation of every other row.
     */
    public RewrapOutcome rewrap(Actor actor) {
        actor.requirePlatformAdmin("rewrap the encrypted values");
        MasterKey kek = current();
        long rewrapped = 0;
        List<UUID> unreadable = new ArrayList<>();
        // PostgreSQL orders uuids as unsigned bytes, so all zeros comes first
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<UUID> seen = transactions.execute(status -> {
                List<SealedValue> batch = repository.findTop200ByMasterKeyIdNotAndIdGreaterThanOrderByIdAsc(kek.id(), from);
                for (SealedValue value : batch) {
                    MasterKey old = keyWithId(value.masterKeyId()).orElseThrow(() -> new UnavailableException(
                            "Some values are wrapped by master key " + value.masterKeyId() + ", which is not configured."
                                    + " Add that key to SLIPWAY_PREVIOUS_MASTER_KEYS, restart Slipway and rewrap again."));
                    try {
                        byte[] dataKey = Aead.decrypt(old.key(), value.wrappedKey(), keyAad(value.id(), old.id()));
                        value.rewrapped(kek.id(), Aead.encrypt(kek.key(), dataKey, keyAad(value.id(), kek.id())));
                    } catch (TamperedValueException e) {
                        log.error("Encrypted value {} failed authentication under master key {} and was not rewrapped:"
                                + " it was altered in the database", value.id(), old.id());
                        unreadable.add(value.id());
                    }
                }
                return batch.stream().map(SealedValue::id).toList();
            });
            if (seen == null || seen.isEmpty()) {
                break;
            }
            after = seen.getLast();
            rewrapped += seen.size();
        }
        rewrapped -= unreadable.size();
        log.info("Rewrapped {} encrypted values with master key {}", rewrapped, kek.id());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("values", Long.toString(rewrapped));
        if (!unreadable.isEmpty()) {
            details.put("unreadable", unreadable.toString());
        }
        transactions.executeWithoutResult(status -> audit.record(actor, "encryption.rewrapped", "master-key", kek.id(),
                null, details));
        return new RewrapOutcome(rewrapped, List.copyOf(unreadable));
    }

    private MasterKey current() {
        return masterKey.orElseThrow(() -> new UnavailableException("Slipway has no master key. An operator sets"
                + " SLIPWAY_MASTER_KEY (32 random bytes in base64: `openssl rand -base64 32`) or"
                + " SLIPWAY_MASTER_KEY_FILE and restarts Slipway."));
    }

    private Optional<MasterKey> keyWithId(String id) {
        return masterKey.filter(k -> k.id().equals(id))
                .or(() -> previousKeys.stream().filter(k -> k.id().equals(id)).findFirst());
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
        List<String> unknown = inUse.stream().filter(id -> keyWithId(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The database holds values encrypted with master key(s) " + unknown
                    + " but the configured master key is " + masterKey.get().id()
                    + (previousKeys.isEmpty() ? "" : " and the previous keys are "
                            + previousKeys.stream().map(MasterKey::id).toList())
                    + ". Configure the key that encrypted them; during a rotation, the old key goes in"
                    + " SLIPWAY_PREVIOUS_MASTER_KEYS until the rewrap has run.");
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
