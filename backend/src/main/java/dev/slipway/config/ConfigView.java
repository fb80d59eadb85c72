package dev.slipway.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The current config of an app in an environment as users see it: variables with their values, secrets
 * without theirs.
 *
 * @param version   the config version number; 0 while nothing was ever set
 * @param variables name to value, sorted by name
 * @param secrets   sorted by name
 * @param canChange whether the user looking may change it
 */
public record ConfigView(String app, String environment, int version, Map<String, String> variables,
                         List<SecretInfo> secrets, @Nullable String updatedBy, @Nullable Instant updatedAt,
                         boolean canChange) {
}
