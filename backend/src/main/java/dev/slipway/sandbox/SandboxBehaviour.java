package dev.slipway.sandbox;

import java.util.Map;

/**
 * How the sandbox's simulated pods of a release behave, chosen per release so that every outcome of a
 * rollout can be watched without a real cluster. Carried on the pod template as an annotation.
 */
public enum SandboxBehaviour {
    HEALTHY("Healthy: pods start and get ready"),
    SLOW_START("Slow start: pods take long to get ready"),
    NEVER_READY("Never ready: pods run but never pass their readiness probe"),
    CRASH_LOOP("Crash loop: pods crash on start and restart again and again"),
    BAD_METRICS("Bad metrics: pods get ready, but 7% of their requests fail and p99 latency is 1.4 s"),
    NO_TRAFFIC("No traffic: pods get ready, but the metrics show no requests, so analysis cannot decide"),
    METRICS_DOWN("Metrics down: pods get ready, but every metric query fails");

    /** The pod-template annotation the simulated kubelet reads. */
    public static final String ANNOTATION = "sandbox.slipway.dev/behaviour";

    private final String description;

    SandboxBehaviour(String description) {
        this.description = description;
    }

    /** Whether the pods themselves start and get ready like healthy ones; the rest is in the metrics. */
    public boolean healthyPods() {
        return this == HEALTHY || this == BAD_METRICS || this == NO_TRAFFIC || this == METRICS_DOWN;
    }

    /** A short sentence for people choosing a behaviour. */
    public String description() {
        return description;
    }

    /** The annotation to put on a pod template so the sandbox behaves this way. */
    public Map<String, String> podAnnotations() {
        return this == HEALTHY ? Map.of() : Map.of(ANNOTATION, name());
    }

    /** The behaviour a pod template asks for; HEALTHY when it asks for none or for one that does not exist. */
    public static SandboxBehaviour of(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        if (value == null) {
            return HEALTHY;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return HEALTHY;
        }
    }
}
