package dev.slipway.config;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one config version holds, as stored in its JSON column: variable values in clear, and for each
 * secret only a reference to its sealed value with who set it and when.
 */
record ConfigEntries(Map<String, String> variables, Map<String, SecretEntry> secrets) {

    static final ConfigEntries EMPTY = new ConfigEntries(Map.of(), Map.of());

    ConfigEntries {
        variables = new TreeMap<>(variables == null ? Map.of() : variables);
        secrets = new TreeMap<>(secrets == null ? Map.of() : secrets);
    }

    /**
     * @param sealedId the sealed value; a new one for every value ever set, so two versions share it only
     *                 when the secret did not change between them
     * @param version  counts the values this secret has had: 1 for the first, +1 each time it is set
     */
    record SecretEntry(UUID sealedId, int version, String setBy, Instant setAt) {
    }

    boolean isEmpty() {
        return variables.isEmpty() && secrets.isEmpty();
    }

    int size() {
        return variables.size() + secrets.size();
    }
}
