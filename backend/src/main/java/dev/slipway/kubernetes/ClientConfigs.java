package dev.slipway.kubernetes;

import dev.slipway.clusters.ClusterConnection;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns a registered cluster's connection settings into a fabric8 client configuration. */
final class ClientConfigs {

    static final int CONNECTION_TIMEOUT_MS = 10_000;
    static final int REQUEST_TIMEOUT_MS = 30_000;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ClientConfigs() {
    }

    /**
     * The configuration for a real cluster. Starts from {@link Config#empty()} for token clusters so that
     * nothing of the Slipway host leaks in (a developer's ~/.kube/config, KUBERNETES_* variables).
     *
     * @throws IllegalStateException when the settings lack what their auth method needs
     */
    static Config config(ClusterConnection connection, int requestTimeoutMs) {
        ConfigBuilder builder = switch (connection.auth()) {
            case TOKEN -> new ConfigBuilder(Config.empty())
                    .withMasterUrl(required(connection.apiUrl(), connection, "an API URL"))
                    .withOauthToken(required(connection.credentials(), connection, "a token"));
            case KUBECONFIG -> new ConfigBuilder(Config.fromKubeconfig(
                    runsNothing(required(connection.credentials(), connection, "a kubeconfig"), connection)));
            case IN_CLUSTER -> new ConfigBuilder(Config.autoConfigure(null));
            case NONE -> throw new IllegalStateException("Cluster '" + connection.name()
                    + "' is a Kubernetes cluster without credentials; choose token, kubeconfig or in-cluster.");
        };
        if (connection.skipTlsVerify()) {
            builder.withTrustCerts(true).withDisableHostnameVerification(true);
        } else if (connection.caCertificate() != null) {
            // fabric8 wants the PEM base64-encoded, as kubeconfig's certificate-authority-data holds it.
            builder.withCaCertFile(null).withCaCertData(Base64.getEncoder()
                    .encodeToString(connection.caCertificate().getBytes(StandardCharsets.US_ASCII)));
        }
        return builder
                .withConnectionTimeout(CONNECTION_TIMEOUT_MS)
                .withRequestTimeout(requestTimeoutMs)
                // The rollout engine backs off on its own schedule; retries inside the client would only
                // hide for minutes that a cluster is down.
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /**
     * Refuses a kubeconfig whose user would make Slipway run a program (exec plugins, the gcp auth
     * provider's cmd-path) or read files on the Slipway server: whoever can register a cluster must not
     * get to run commands where Slipway runs. Such kubeconfigs would not work there anyway, as the
     * cloud CLIs they call are not installed; a ServiceAccount token works everywhere.
     */
    static String runsNothing(String kubeconfig, ClusterConnection connection) {
        io.fabric8.kubernetes.api.model.Config parsed =
                SERIALIZATION.unmarshal(kubeconfig, io.fabric8.kubernetes.api.model.Config.class);
        String userName = orEmpty(parsed.getContexts()).stream()
                .filter(c -> c.getName() != null && c.getName().equals(parsed.getCurrentContext()) && c.getContext() != null)
                .map(c -> c.getContext().getUser()).findFirst().orElse(null);
        AuthInfo user = orEmpty(parsed.getUsers()).stream()
                .filter(u -> u.getName() != null && u.getName().equals(userName))
                .map(NamedAuthInfo::getUser).filter(Objects::nonNull).findFirst().orElse(null);
        if (user == null) {
            return kubeconfig;
        }
        boolean runsCommand = user.getExec() != null || (user.getAuthProvider() != null
                && user.getAuthProvider().getConfig() != null && user.getAuthProvider().getConfig().containsKey("cmd-path"));
        if (runsCommand) {
            throw new IllegalStateException("The kubeconfig of cluster '" + connection.name() + "' logs in by running a"
                    + " program (an exec plugin or auth provider command), which Slipway does not do. Use a kubeconfig"
                    + " with a token or client certificate data, or token authentication.");
        }
        if (user.getTokenFile() != null || user.getClientCertificate() != null || user.getClientKey() != null) {
            throw new IllegalStateException("The kubeconfig of cluster '" + connection.name() + "' refers to files"
                    + " (tokenFile, client-certificate or client-key); Slipway cannot read them. Embed the values"
                    + " instead (token, client-certificate-data, client-key-data).");
        }
        return kubeconfig;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String required(@Nullable String value, ClusterConnection connection,
                                   String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Cluster '" + connection.name() + "' has no " + what.substring(what.indexOf(' ') + 1)
                    + " set; edit the cluster and provide " + what + ".");
        }
        return value;
    }
}
