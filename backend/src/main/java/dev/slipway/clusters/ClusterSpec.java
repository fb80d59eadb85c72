package dev.slipway.clusters;

import org.jspecify.annotations.Nullable;

/**
 * A cluster to register or the new state of one.
 *
 * @param apiUrl        the API server's https URL (token auth); ignored for other kinds of auth
 * @param caCertificate PEM certificate(s) that sign the API server's TLS certificate, when it is not
 *                      signed by a public authority
 * @param skipTlsVerify accept any server certificate: only for throw-away test clusters
 * @param credentials   the token or kubeconfig; on update, null keeps the stored credentials
 */
public record ClusterSpec(String name, ClusterKind kind, String description, ClusterAuth auth,
                          @Nullable String apiUrl, @Nullable String caCertificate, boolean skipTlsVerify,
                          @Nullable String credentials) {

    public static ClusterSpec sandbox(String name, String description) {
        return new ClusterSpec(name, ClusterKind.SANDBOX, description, ClusterAuth.NONE, null, null, false, null);
    }

    @Override
    public String toString() {
        return "ClusterSpec[" + name + ", " + kind + ", " + auth + ", " + apiUrl + "]";
    }
}
