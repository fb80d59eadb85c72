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
 * @param previousMasterKeys earlier master keys, comma-separated, during a rotation
 *                      ({@code SLIPWAY_PREVIOUS_MASTER_KEYS}): values they wrap can still be opened,
 *                      and the rewrap action moves them to the current key, after which they can go
 */
@ConfigurationProperties("slipway.encryption")
record EncryptionProperties(@Nullable String masterKey, @Nullable Path masterKeyFile,
                            @Nullable String previousMasterKeys) {
}
