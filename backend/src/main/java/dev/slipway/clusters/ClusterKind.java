package dev.slipway.clusters;

public enum ClusterKind {
    /** Slipway's own simulation: pods are pretended, nothing runs. For trying Slipway out and for tests. */
    SANDBOX,
    /** A real Kubernetes API server. */
    KUBERNETES
}
