package dev.slipway.clusters;

/** How Slipway authenticates to a cluster's API server. */
public enum ClusterAuth {
    /** The sandbox needs none. */
    NONE,
    /** A bearer token, usually of a ServiceAccount, against the API URL. */
    TOKEN,
    /** A whole kubeconfig; its current context names the server and the user. */
    KUBECONFIG,
    /** The ServiceAccount of the pod Slipway runs in (Slipway installed inside this cluster). */
    IN_CLUSTER
}
