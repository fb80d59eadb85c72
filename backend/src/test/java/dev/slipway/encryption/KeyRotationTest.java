package dev.slipway.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.audit.AuditLog;
import dev.slipway.database.EmbeddedDatabase;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rotating the master key on the shared test database: every test starts and ends with all values under
 * the test key from application-test.yml, which the shared context's {@link Envelopes} uses.
 */
@SlipwayTest
class KeyRotationTest {

    static final String TEST_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    @Autowired
    SealedValueRepository repository;
    @Autowired
    ObjectProvider<EmbeddedDatabase> embedded;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    Envelopes current;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void after_a_rotation_and_a_rewrap_every_value_opens_with_the_new_key_alone() {
        UUID id = current.seal("rotate-me");
        String newKey = randomKey();
        Envelopes rotating = envelopes(newKey, TEST_KEY);
        try {
            assertThat(rotating.open(id)).as("old values open during the rotation").isEqualTo("rotate-me");
            UUID sealedDuringRotation = rotating.seal("new-value");
            assertThat(rotating.keyStatus(fixtures.bootstrapAdmin()).awaitingRewrap()).isPositive();

            RewrapOutcome outcome = rotating.rewrap(fixtures.bootstrapAdmin());

            assertThat(outcome.rewrapped()).isPositive();
            assertThat(outcome.unreadable()).isEmpty();
            KeyStatus status = rotating.keyStatus(fixtures.bootstrapAdmin());
            assertThat(status.awaitingRewrap()).isZero();
            assertThat(status.valuesByKeyId()).containsOnlyKeys(status.currentKeyId());
            Envelopes newKeyOnly = envelopes(newKey, null);
            assertThat(newKeyOnly.open(id)).isEqualTo("rotate-me");
            assertThat(newKeyOnly.open(sealedDuringRotation)).isEqualTo("new-value");
            assertThatThrownBy(() -> envelopes(TEST_KEY, null))
                    .as("the old key alone no longer opens the database")
                    .hasMessageContaining("SLIPWAY_PREVIOUS_MASTER_KEYS");
        } finally {
            envelopes(TEST_KEY, newKey).rewrap(fixtures.bootstrapAdmin());
        }
        assertThat(current.open(id)).isEqualTo("rotate-me");
    }

    @Test
    void a_flipped_byte_in_a_rewrapped_value_is_still_detected() {
        UUID id = current.seal("tamper-after-rotation");
        String newKey = randomKey();
        try {
            Envelopes rotating = envelopes(newKey, TEST_KEY);
            rotating.rewrap(fixtures.bootstrapAdmin());
            jdbc.update("update sealed_values set ciphertext = set_byte(ciphertext, 14, get_byte(ciphertext, 14) # 4)"
                    + " where id = ?", id);

            assertThatThrownBy(() -> rotating.open(id)).isInstanceOf(TamperedValueException.class);
        } finally {
            jdbc.update("delete from sealed_values where id = ?", id);
            envelopes(TEST_KEY, newKey).rewrap(fixtures.bootstrapAdmin());
        }
    }

    @Test
    void a_value_whose_wrapped_key_was_altered_is_reported_and_the_others_are_still_rewrapped() {
        UUID altered = current.seal("altered");
        UUID intact = current.seal("intact");
        jdbc.update("update sealed_values set wrapped_key = set_byte(wrapped_key, 15, get_byte(wrapped_key, 15) # 1)"
                + " where id = ?", altered);
        String newKey = randomKey();
        try {
            Envelopes rotating = envelopes(newKey, TEST_KEY);

            RewrapOutcome outcome = rotating.rewrap(fixtures.bootstrapAdmin());

            assertThat(outcome.unreadable()).containsExactly(altered);
            assertThat(rotating.open(intact)).isEqualTo("intact");
            assertThatThrownBy(() -> rotating.open(altered)).isInstanceOf(TamperedValueException.class);
        } finally {
            jdbc.update("delete from sealed_values where id = ?", altered);
            envelopes(TEST_KEY, newKey).rewrap(fixtures.bootstrapAdmin());
        }
    }

    /**
     * The check Envelopes runs when the context starts: done here on the constructor, because a Spring
     * Boot start that fails leaves the logging system reset for the next context in the same JVM.
     */
    @Test
    void with_secrets_in_the_database_and_no_master_key_slipway_refuses_to_start_and_says_what_to_set() {
        current.seal("needs the key");

        assertThatThrownBy(() -> new Envelopes(repository, new EncryptionProperties("", null, null), embedded, audit,
                transactions, clock))
                .hasMessageContaining("holds encrypted values but Slipway has no master key")
                .hasMessageContaining("SLIPWAY_MASTER_KEY");
    }

    @Test
    void only_platform_admins_see_keys_or_rewrap() {
        assertThatThrownBy(() -> current.rewrap(fixtures.user())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> current.keyStatus(fixtures.user())).isInstanceOf(ForbiddenException.class);
    }

    private Envelopes envelopes(String masterKey, String previous) {
        return new Envelopes(repository, new EncryptionProperties(masterKey, null, previous), embedded, audit,
                transactions, clock);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
