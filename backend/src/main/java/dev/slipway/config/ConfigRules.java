package dev.slipway.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What names and values the config accepts, with messages that say what would be accepted. */
final class ConfigRules {

    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_VALUE_BYTES = 32 * 1024;
    /** Kubernetes refuses ConfigMaps and Secrets over 1 MiB; this keeps each well below it. */
    static final int MAX_TOTAL_BYTES = 256 * 1024;
    static final int MAX_ENTRIES = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Set by Slipway from the app's port setting; a config value would silently lose to it. */
    private static final Set<String> RESERVED = Set.of("PORT");

    private ConfigRules() {
    }

    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("the name is " + name.length() + " characters; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a valid environment variable name: use letters, digits and _,"
                    + " not starting with a digit (e.g. DATABASE_URL)");
        }
        if (RESERVED.contains(name)) {
            return Optional.of(name + " is set by Slipway from the app's port setting; change the port there");
        }
        return Optional.empty();
    }

    /** Never quotes the value: it may be a secret. */
    static Optional<String> valueProblem(String name, String value) {
        int bytes = bytes(value);
        if (bytes > MAX_VALUE_BYTES) {
            return Optional.of("the value of " + name + " is " + bytes / 1024 + " KiB; at most " + MAX_VALUE_BYTES / 1024
                    + " KiB are allowed per value (mount larger files another way)");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("the value of " + name + " contains a NUL character, which environment variables cannot hold");
        }
        return Optional.empty();
    }

    static int bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
