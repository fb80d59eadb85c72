package dev.slipway.security;

/**
 * A user to create.
 *
 * @param username      2 to 40 characters: lowercase letters, digits, '.', '_' and '-'
 * @param displayName   the name shown in the UI; the username when blank
 * @param password      the initial password, which the user should change
 * @param platformAdmin whether the user runs the platform
 */
public record NewUser(String username, String displayName, String password, boolean platformAdmin) {
}
