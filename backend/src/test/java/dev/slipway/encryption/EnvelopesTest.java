package dev.slipway.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.SlipwayTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SlipwayTest
class EnvelopesTest {

    @Autowired
    Envelopes envelopes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_sealed_value_opens_to_the_same_text_and_is_not_stored_in_clear() {
        String secret = "kubernetes-token-" + UUID.randomUUID();

        UUID id = envelopes.seal(secret);

        assertThat(envelopes.open(id)).isEqualTo(secret);
        byte[] stored = jdbc.queryForObject("select ciphertext from sealed_values where id = ?", byte[].class, id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        String masterKeyId = jdbc.queryForObject("select kek_id from sealed_values where id = ?", String.class, id);
        assertThat(masterKeyId).hasSize(16);
    }

    @Test
    void sealing_the_same_text_twice_gives_different_ciphertexts() {
        UUID first = envelopes.seal("same");
        UUID second = envelopes.seal("same");

        byte[] a = jdbc.queryForObject("select ciphertext from sealed_values where id = ?", byte[].class, first);
        byte[] b = jdbc.queryForObject("select ciphertext from sealed_values where id = ?", byte[].class, second);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void a_flipped_byte_in_the_ciphertext_is_detected() {
        UUID id = envelopes.seal("do not touch");
        jdbc.update("update sealed_values set ciphertext = set_byte(ciphertext, 20, get_byte(ciphertext, 20) # 1) where id = ?", id);

        assertThatThrownBy(() -> envelopes.open(id)).isInstanceOf(TamperedValueException.class);
        forget(id);
    }

    @Test
    void a_flipped_byte_in_the_wrapped_key_is_detected() {
        UUID id = envelopes.seal("do not touch either");
        jdbc.update("update sealed_values set wrapped_key = set_byte(wrapped_key, 15, get_byte(wrapped_key, 15) # 1) where id = ?", id);

        assertThatThrownBy(() -> envelopes.open(id)).isInstanceOf(TamperedValueException.class);
        forget(id);
    }

    @Test
    void a_value_copied_into_another_row_does_not_open_there() {
        UUID victim = envelopes.seal("victim's token");
        UUID attacker = envelopes.seal("attacker's token");
        jdbc.update("""
                update sealed_values set ciphertext = (select ciphertext from sealed_values where id = ?),
                                         wrapped_key = (select wrapped_key from sealed_values where id = ?)
                where id = ?""", victim, victim, attacker);

        assertThatThrownBy(() -> envelopes.open(attacker)).isInstanceOf(TamperedValueException.class);
        forget(attacker);
    }

    /** Tampered rows go, so tests that rewrap the shared database (KeyRotationTest) meet only intact ones. */
    private void forget(UUID id) {
        jdbc.update("delete from sealed_values where id = ?", id);
    }
}
