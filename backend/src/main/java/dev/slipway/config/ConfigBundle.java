package dev.slipway.config;

import java.util.Map;

/**
 * A config version opened for writing into a cluster: variables, secret values, and hashes of each half
 * that go into the ConfigMap's and Secret's names. The secrets' hash is taken over their names and sealed
 * value ids, not their values, so a name says nothing about a value.
 *
 * <p>Holds secret values: it is made only to build the Kubernetes Secret and {@link #toString()} hides them.
 */
public final class ConfigBundle {

    private final int number;
    private final Map<String, String> variables;
    private final Map<String, String> secrets;
    private final String variablesHash;
    private final String secretsHash;

    ConfigBundle(int number, Map<String, String> variables, Map<String, String> secrets, String variablesHash,
                 String secretsHash) {
        this.number = number;
        this.variables = Map.copyOf(variables);
        this.secrets = Map.copyOf(secrets);
        this.variablesHash = variablesHash;
        this.secretsHash = secretsHash;
    }

    public int number() {
        return number;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public Map<String, String> secrets() {
        return secrets;
    }

    public String variablesHash() {
        return variablesHash;
    }

    public String secretsHash() {
        return secretsHash;
    }

    @Override
    public String toString() {
        return "ConfigBundle[v" + number + ", variables=" + variables.keySet() + ", secrets=" + secrets.keySet()
                + " (values hidden)]";
    }
}
