package dev.slipway.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for usernames and passwords, shared by the services and by forms that check as you type. */
public final class Credentials {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt ignores everything after 72 bytes, so a longer password would be weaker than it looks. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private Credentials() {
    }

    public static Optional<String> usernameProblem(String username) {
        if (username.isEmpty()) {
            return Optional.of("is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("must be 2 to 40 characters: lowercase letters, digits, '.', '_' and '-', starting"
                    + " with a letter or digit (for example 'jane.doe')");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password, String username) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("must be at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt ignores the rest)");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("must not be the username");
        }
        return Optional.empty();
    }
}
