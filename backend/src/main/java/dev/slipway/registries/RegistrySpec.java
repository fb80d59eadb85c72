package dev.slipway.registries;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A registry to register, or its new state.
 *
 * @param address  host[:port][/path] images go under, e.g. registry.internal:5000/slipway (no scheme)
 * @param insecure whether Slipway may talk plain HTTP to it; only for a registry on a trusted network
 * @param username the user to push as; empty for a registry without authentication
 * @param password write-only; null keeps the stored one on an update, empty removes it
 */
public record RegistrySpec(
        String name,
        @Schema(description = "host[:port][/path], without a scheme", example = "registry.internal:5000/slipway")
        String address,
        boolean insecure,
        @Schema(maxLength = 255) @Nullable String username,
        @Schema(maxLength = 4096, accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String password) {

    @Override
    public String toString() {
        return "RegistrySpec[" + name + ", " + address + (insecure ? ", insecure" : "") + "]";
    }
}
