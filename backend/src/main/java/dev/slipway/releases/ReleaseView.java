package dev.slipway.releases;

import dev.slipway.sandbox.SandboxBehaviour;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One release of an app in an environment.
 *
 * @param number           v1 = 1, counted per app and environment
 * @param configVersionId  the config version pinned by the release; null when it has no config
 * @param sandboxBehaviour how the sandbox simulates its pods; HEALTHY on real clusters
 * @param rollbackOf       the earlier release this one restores, when it was made by a rollback
 */
public record ReleaseView(long id, long appId, long environmentId, int number, String image, ReleaseSettings settings,
                          @Nullable Long configVersionId, SandboxBehaviour sandboxBehaviour, @Nullable Integer rollbackOf, String createdBy,
                          Instant createdAt) {

    public String label() {
        return "v" + number;
    }
}
