package dev.slipway.builds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An app's ssh deploy key as people see it: the public half only.
 *
 * @param publicKey          the line to add to the repository as a read-only deploy key; null when there is none
 * @param fingerprint        its SHA256 fingerprint, as the providers list it
 * @param hostKeyFingerprint the git server's host key remembered at the first ssh fetch; null before it
 * @param canChange          whether the user looking may make, replace or remove it (MAINTAINERs)
 */
public record DeployKeyView(@Nullable String publicKey, @Nullable String fingerprint, @Nullable String createdBy,
                            @Nullable Instant createdAt, @Nullable String hostKeyFingerprint, boolean canChange) {

    public boolean present() {
        return publicKey != null;
    }
}
