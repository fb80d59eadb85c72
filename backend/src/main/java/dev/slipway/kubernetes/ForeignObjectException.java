package dev.slipway.kubernetes;

import org.jspecify.annotations.Nullable;

/**
 * An object Slipway wanted to write already exists and was not made by Slipway (it lacks
 * {@code app.kubernetes.io/managed-by=slipway}). Slipway never changes such objects: overwriting a
 * Deployment someone else runs would take down their service. The message says how to resolve it.
 */
public class ForeignObjectException extends RuntimeException {

    private final String kind;
    private final String name;
    private final @Nullable String namespace;

    public ForeignObjectException(String kind, String name, @Nullable String namespace) {
        super("A " + kind + " named " + name + " already exists" + (namespace == null ? "" : " in namespace " + namespace)
                + " and was not created by Slipway; Slipway leaves it alone. Rename the app or remove that object.");
        this.kind = kind;
        this.name = name;
        this.namespace = namespace;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public @Nullable String namespace() {
        return namespace;
    }
}
