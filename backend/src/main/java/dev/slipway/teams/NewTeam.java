package dev.slipway.teams;

/**
 * A team to create.
 *
 * @param name        1 to 24 characters, a DNS label (it may appear in namespace names)
 * @param displayName shown in the UI; the name when blank
 */
public record NewTeam(String name, String displayName, String description) {
}
