package dev.slipway.encryption;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key comes from. Both unset is allowed: with the in-process database a key file is
 * generated next to the data; with an external database encrypted values then cannot be saved.
 *
 * @param masterKey     32 random bytes in base64 ({@code SLIPWAY_MASTER_KEY}); create one with
 *                      {@code openssl rand -base64 32}
 * @param masterKeyFile a file holding such a value, e.g. a mounted Kubernetes Secret
 *                      ({@code SLIPWAY_MASTER_KEY_FILE})
 */
@ConfigurationProperties("slipway.encryption")
record EncryptionProperties(@Nullable String masterKey, @Nullable Path masterKeyFile) {
}
