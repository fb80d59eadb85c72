package dev.slipway.apps;

import java.util.Optional;
import java.util.regex.Pattern;

/** HTTP paths the kubelet probes. */
public final class HealthPaths {

    public static final int MAX_LENGTH = 256;
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]*");

    private HealthPaths() {
    }

    public static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is required, e.g. /healthz");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (!PATH.matcher(path).matches()) {
            return Optional.of("must be a URL path starting with '/', without spaces, e.g. /healthz");
        }
        return Optional.empty();
    }
}
