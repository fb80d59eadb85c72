package dev.slipway.config;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change to an app's config in one environment, applied as a whole or not at all.
 *
 * @param variables       variables to set (name to value)
 * @param secrets         secrets to set (name to value); write-only
 * @param remove          names of variables or secrets to remove
 * @param expectedVersion the version the change was made against; when given and the config has moved on
 *                        since, the change is refused instead of silently overwriting someone else's
 */
public record ConfigChange(
        @Schema(description = "Names (letters, digits, '_', at most 128) to values (at most 32 KB each)")
        @Nullable Map<String, String> variables,
        @Schema(description = "Write-only; as variables", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Nullable Map<String, String> secrets,
        @Nullable List<String> remove,
        @Schema(description = "Refuse the change unless the current version is this one", minimum = "1")
        @Nullable Integer expectedVersion) {

    public static ConfigChange setVariable(String name, String value) {
        return new ConfigChange(Map.of(name, value), null, null, null);
    }

    public static ConfigChange setSecret(String name, String value) {
        return new ConfigChange(null, Map.of(name, value), null, null);
    }

    public static ConfigChange remove(String name) {
        return new ConfigChange(null, null, List.of(name), null);
    }

    Map<String, String> variablesOrEmpty() {
        return variables == null ? Map.of() : variables;
    }

    Map<String, String> secretsOrEmpty() {
        return secrets == null ? Map.of() : secrets;
    }

    List<String> removeOrEmpty() {
        return remove == null ? List.of() : remove;
    }

    /** Secret values stay out of logs and exception messages, whoever prints this. */
    @Override
    public String toString() {
        return "ConfigChange[variables=" + variablesOrEmpty() + ", secrets=" + secretsOrEmpty().keySet()
                + " (values hidden), remove=" + removeOrEmpty()
                + ", expectedVersion=" + expectedVersion + "]";
    }
}
