package dev.slipway.kubernetes;

import java.util.Map;

/**
 * The labels and annotations Slipway puts on what it creates. Slipway only ever changes objects that
 * carry {@link #MANAGED_BY}={@link #SLIPWAY}; everything it watches is selected by equality on these
 * labels (the only selectors that behave the same on every API server, the sandbox included).
 */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String SLIPWAY = "slipway";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String VERSION = "app.kubernetes.io/version";
    public static final String APP = "slipway.dev/app";
    public static final String ENV = "slipway.dev/env";
    public static final String RELEASE = "slipway.dev/release";
    public static final String SLOT = "slipway.dev/slot";
    /** The {@link #SLOT} of a canary's pods; stable pods carry no slot. */
    public static final String CANARY_SLOT = "canary";
    /** The two {@link #SLOT}s of a blue-green app; the active Service selects one of them. */
    public static final String BLUE = "blue";
    public static final String GREEN = "green";
    /** Marks the ConfigMaps and Secrets that hold a release's config. */
    public static final String CONFIG = "slipway.dev/config";
    /** Annotation: the release number a Deployment was last written for. */
    public static final String REVISION = "slipway.dev/revision";
    /** Annotation: hash of what Slipway last wrote, so an unchanged object is not written again. */
    public static final String APPLIED_HASH = "slipway.dev/applied-hash";

    private Labels() {
    }

    /** The labels that select an app's pods in one environment; the same for every release. */
    public static Map<String, String> selector(String app, String environment) {
        return Map.of(APP, app, ENV, environment);
    }
}
