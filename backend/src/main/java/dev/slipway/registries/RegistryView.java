package dev.slipway.registries;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A registry as admins see it: never its password.
 *
 * @param environments the environments whose images go to it
 */
public record RegistryView(String name, String address, boolean insecure, @Nullable String username,
                           boolean hasPassword, List<String> environments) {
}
