package dev.slipway.clusters;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to talk to a cluster, credentials included. Only for building a client inside Slipway:
 * never shown, logged or returned by the API ({@link #toString()} leaves the credentials out).
 *
 * @param credentials the token or kubeconfig in clear, when the auth method has one
 */
public record ClusterConnection(String name, ClusterKind kind, ClusterAuth auth, @Nullable String apiUrl,
                                @Nullable String caCertificate, boolean skipTlsVerify, @Nullable String credentials) {

    @Override
    public String toString() {
        return "ClusterConnection[" + name + ", " + kind + ", " + auth + ", " + apiUrl + "]";
    }
}
