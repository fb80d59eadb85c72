package dev.slipway.registries;

import org.jspecify.annotations.Nullable;

/**
 * Where a build pushes, with the opened credentials: for the build runner only, never for a user.
 *
 * @param address host[:port][/path] that image names go under
 */
public record PushTarget(String address, boolean insecure, @Nullable String username, @Nullable String password) {

    @Override
    public String toString() {
        return "PushTarget[" + address + (insecure ? ", insecure" : "") + (username == null ? "" : ", as " + username) + "]";
    }
}
