package dev.slipway.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.database.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void a_configured_key_wins_over_everything_else() {
        Optional<MasterKey> key = MasterKeySource.load(new EncryptionProperties(KEY, null, null), embeddedIn(dir));

        assertThat(key).isPresent();
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_with_the_command_that_makes_a_good_one() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKeySource.load(new EncryptionProperties(shortKey, null, null), Optional.empty()))
                .hasMessageContaining("16 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> MasterKeySource.load(new EncryptionProperties("not base64!", null, null), Optional.empty()))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void a_key_file_is_read() throws Exception {
        Path file = Files.writeString(dir.resolve("kek"), KEY + "\n");

        assertThat(MasterKeySource.load(new EncryptionProperties(null, file, null), Optional.empty()).orElseThrow().id())
                .isEqualTo(MasterKey.fromBase64(KEY, "test").id());
    }

    @Test
    void with_the_local_database_a_key_file_is_generated_once_readable_only_by_its_owner() throws Exception {
        MasterKey first = MasterKeySource.load(new EncryptionProperties(null, null, null), embeddedIn(dir)).orElseThrow();
        MasterKey again = MasterKeySource.load(new EncryptionProperties(null, null, null), embeddedIn(dir)).orElseThrow();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void with_an_external_database_and_no_key_there_is_no_key() {
        assertThat(MasterKeySource.load(new EncryptionProperties("", Path.of(""), null), Optional.empty())).isEmpty();
    }

    private static Optional<EmbeddedDatabase> embeddedIn(Path dir) {
        return Optional.of(new EmbeddedDatabase(Optional.of(dir), "jdbc:postgresql://127.0.0.1:1/postgres"));
    }
}
