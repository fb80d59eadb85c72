package dev.slipway.clusters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered cluster. The credentials themselves are never part of it: only whether they are set and
 * when they were last replaced.
 */
public record ClusterView(String name, ClusterKind kind, String description, ClusterAuth auth,
                          @Nullable String apiUrl, @Nullable String caCertificate, boolean skipTlsVerify,
                          boolean credentialsSet, @Nullable Instant credentialsUpdatedAt, Instant createdAt) {

    /** True for the sandbox, which the UI must always label as a simulation. */
    public boolean simulated() {
        return kind == ClusterKind.SANDBOX;
    }
}
