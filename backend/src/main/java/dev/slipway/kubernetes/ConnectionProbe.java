package dev.slipway.kubernetes;

import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterConnection;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a cluster the two questions of a connection test and turns every way they can fail into a
 * sentence that names the setting to fix.
 */
final class ConnectionProbe {

    private static final Logger log = LoggerFactory.getLogger(ConnectionProbe.class);

    private ConnectionProbe() {
    }

    static ConnectionCheck probe(KubernetesClient client, ClusterConnection connection, String namespace) {
        String version;
        try {
            version = describe(client.getKubernetesVersion());
        } catch (RuntimeException e) {
            log.info("Connection check of cluster {} failed: {}", connection.name(), e.toString());
            return new ConnectionCheck(false, null, null, namespace, explain(e, connection));
        }
        String connected = "Connected to Kubernetes " + version + ".";
        @Nullable Boolean allowed;
        try {
            SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
                    .create(createDeployments(namespace));
            allowed = review.getStatus() == null ? null : review.getStatus().getAllowed();
        } catch (RuntimeException e) {
            log.info("Permission check of cluster {} failed: {}", connection.name(), e.toString());
            return new ConnectionCheck(true, version, null, namespace, connected
                    + " Could not ask whether Slipway may create Deployments in namespace '" + namespace + "': "
                    + explain(e, connection));
        }
        if (Boolean.TRUE.equals(allowed)) {
            return new ConnectionCheck(true, version, true, namespace,
                    connected + " Slipway may create Deployments in namespace '" + namespace + "'.");
        }
        if (allowed == null) {
            return new ConnectionCheck(true, version, null, namespace,
                    connected + " The API server did not say whether Slipway may create Deployments in namespace '"
                            + namespace + "'.");
        }
        return new ConnectionCheck(true, version, false, namespace, connected
                + " But these credentials may not create Deployments in namespace '" + namespace + "'. Grant them"
                + " get, create, update and delete on deployments, services and horizontalpodautoscalers there,"
                + " list and watch on deployments and pods in all namespaces, and namespaces if Slipway should"
                + " create them (the Helm chart's rbac.create does this for the cluster Slipway runs in).");
    }

    static ConnectionCheck sandbox(String namespace) {
        return new ConnectionCheck(true, "sandbox (simulated)", true, namespace,
                "The sandbox simulates a cluster inside Slipway; nothing runs.");
    }

    /** What went wrong, said so that an admin knows which field of the cluster settings to look at. */
    static String explain(Throwable failure, ClusterConnection connection) {
        String server = connection.apiUrl() == null ? "the API server" : connection.apiUrl();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "The host of " + server + " is unknown (DNS lookup failed). Check the API URL.";
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "No answer from " + server + " in time. Check the API URL and that Slipway can reach the"
                        + " API server through the network (firewall, VPN, private endpoint).";
            }
            if (t instanceof ConnectException) {
                return "Nothing accepts connections at " + server + ". Check the API URL and port, and that"
                        + " Slipway can reach the API server through the network.";
            }
            if (t instanceof SSLPeerUnverifiedException
                    || (t instanceof CertificateException && String.valueOf(t.getMessage()).contains("No subject alternative"))) {
                return "The API server's TLS certificate is not issued for the host in " + server + ". Use the host"
                        + " name or IP address the certificate names, or turn on skip TLS verification for a test"
                        + " cluster.";
            }
            if (t instanceof SSLException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException || t instanceof CertificateException) {
                return "Slipway does not trust the TLS certificate of " + server + ". "
                        + (connection.caCertificate() == null
                        ? "Paste the cluster's CA certificate (PEM) into the CA certificate field"
                        : "The CA certificate given did not sign it; paste the cluster's own CA certificate (PEM)"
                        + " into the CA certificate field")
                        + ", or turn on skip TLS verification for a test cluster.";
            }
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return explainStatus(k, connection, server);
            }
        }
        if (failure instanceof IllegalStateException || failure instanceof IllegalArgumentException) {
            return "The cluster settings cannot be used: " + failure.getMessage();
        }
        return "Could not reach " + server + ": " + rootMessage(failure);
    }

    private static String explainStatus(KubernetesClientException e, ClusterConnection connection, String server) {
        String said = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : "";
        return switch (e.getCode()) {
            case 401 -> switch (connection.auth()) {
                case KUBECONFIG -> "The API server rejected the kubeconfig's credentials (401 Unauthorized). They may"
                        + " have expired; paste a current kubeconfig.";
                case IN_CLUSTER -> "The API server rejected the token of Slipway's own service account"
                        + " (401 Unauthorized).";
                case TOKEN, NONE -> "The API server rejected the token (401 Unauthorized). It may be expired, revoked"
                        + " or meant for another cluster; paste a current ServiceAccount token.";
            };
            case 403 -> "The API server refused (403 Forbidden)" + (said.isEmpty() ? "" : ": " + said)
                    + ". Grant Slipway's " + (connection.auth() == ClusterAuth.KUBECONFIG ? "user" : "service account")
                    + " the permissions it needs.";
            case 404 -> "The API server answered 404 Not Found: " + server + " does not look like a Kubernetes API"
                    + " server. Check the API URL (no path after the port).";
            default -> "The API server answered " + e.getCode() + (said.isEmpty() ? "" : ": " + said) + ".";
        };
    }

    private static String describe(VersionInfo version) {
        if (version.getGitVersion() != null && !version.getGitVersion().isBlank()) {
            return version.getGitVersion();
        }
        return "v" + version.getMajor() + "." + version.getMinor();
    }

    private static SelfSubjectAccessReview createDeployments(String namespace) {
        return new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                    .withNewResourceAttributes()
                        .withGroup("apps").withResource("deployments").withVerb("create").withNamespace(namespace)
                    .endResourceAttributes()
                .endSpec()
                .build();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
