package dev.slipway.encryption;

import dev.slipway.database.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/** Finds the master key at start-up, in the order the package documentation gives. */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    static Optional<MasterKey> load(EncryptionProperties properties, Optional<EmbeddedDatabase> embedded) {
        if (StringUtils.hasText(properties.masterKey())) {
            return Optional.of(MasterKey.fromBase64(properties.masterKey(), "SLIPWAY_MASTER_KEY"));
        }
        // an unset variable arrives as an empty path through application.yml
        if (properties.masterKeyFile() != null && !properties.masterKeyFile().toString().isEmpty()) {
            return Optional.of(readFile(properties.masterKeyFile()));
        }
        return embedded.flatMap(EmbeddedDatabase::dataDirectory)
                .map(dir -> readOrCreateLocalFile(dir.resolve("master.key")));
    }

    /** The earlier keys named during a rotation; a key that is also the current one is left out. */
    static List<MasterKey> previous(EncryptionProperties properties) {
        if (!StringUtils.hasText(properties.previousMasterKeys())) {
            return List.of();
        }
        List<MasterKey> keys = new ArrayList<>();
        String[] parts = properties.previousMasterKeys().split(",");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                keys.add(MasterKey.fromBase64(parts[i], "Entry " + (i + 1) + " of SLIPWAY_PREVIOUS_MASTER_KEYS"));
            }
        }
        return List.copyOf(keys);
    }

    private static MasterKey readFile(Path file) {
        try {
            return MasterKey.fromBase64(Files.readString(file), "The master key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master key file " + file
                    + " (SLIPWAY_MASTER_KEY_FILE); check that it exists and Slipway may read it.", e);
        }
    }

    /**
     * A laptop install keeps its key next to its database: whoever can read one can read the other, so
     * this adds no protection against that reader but keeps values out of database dumps and backups.
     */
    private static MasterKey readOrCreateLocalFile(Path file) {
        if (Files.exists(file)) {
            return readFile(file);
        }
        byte[] bytes = new byte[MasterKey.LENGTH_BYTES];
        new SecureRandom().nextBytes(bytes);
        String encoded = Base64.getEncoder().encodeToString(bytes);
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, encoded + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the master key file " + file
                    + "; set SLIPWAY_MASTER_KEY or SLIPWAY_MASTER_KEY_FILE instead.", e);
        }
        log.info("Generated a master key in {}. Back it up with the data directory: without it the encrypted"
                + " values in the database cannot be read.", file);
        return MasterKey.fromBase64(encoded, "The master key file " + file);
    }
}
