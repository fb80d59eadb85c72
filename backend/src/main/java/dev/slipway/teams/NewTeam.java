package dev.slipway.teams;

import org.jspecify.annotations.Nullable;

/**
 * A team to create.
 *
 * @param name        1 to 24 characters, a DNS label (it may appear in namespace names)
 * @param displayName shown in the UI; the name when blank or left out
 * @param description free text; empty when left out
 */
public record NewTeam(String name, @Nullable String displayName, @Nullable String description) {
}
