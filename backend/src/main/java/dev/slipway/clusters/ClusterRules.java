package dev.slipway.clusters;

import dev.slipway.shared.InputCheck;
import dev.slipway.shared.Text;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** What a valid cluster registration looks like. Pure functions, so forms can use them as the user types. */
public final class ClusterRules {

    public static final int MAX_NAME_LENGTH = 40;
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    static final int MAX_KUBECONFIG_LENGTH = 256 * 1024;
    static final int MAX_CA_LENGTH = 64 * 1024;

    private ClusterRules() {
    }

    public static Optional<String> nameProblem(String name) {
        return Text.dnsLabel(name, MAX_NAME_LENGTH, "prod-eu-1");
    }

    public static Optional<String> apiUrlProblem(String url) {
        if (url.isBlank()) {
            return Optional.of("is required for token authentication, e.g. https://203.0.113.10:6443");
        }
        if (url.length() > 2048) {
            return Optional.of("is longer than 2048 characters");
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return Optional.of("must be an https:// URL with a host, e.g. https://203.0.113.10:6443;"
                        + " Kubernetes API servers do not speak plain HTTP");
            }
            if (uri.getUserInfo() != null) {
                return Optional.of("must not contain credentials; put the token in the token field");
            }
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        return Optional.empty();
    }

    public static Optional<String> caCertificateProblem(String pem) {
        if (pem.length() > MAX_CA_LENGTH) {
            return Optional.of("is longer than " + MAX_CA_LENGTH + " characters");
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.of("must be PEM: one or more blocks starting with -----BEGIN CERTIFICATE-----");
        }
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Optional.empty();
        } catch (CertificateException e) {
            return Optional.of("could not be read as X.509 certificate(s): " + e.getMessage());
        }
    }

    public static Optional<String> tokenProblem(String token) {
        if (token.isBlank()) {
            return Optional.of("is required");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.of("is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("must not contain spaces or line breaks; paste the token alone");
        }
        return Optional.empty();
    }

    public static Optional<String> kubeconfigProblem(String kubeconfig) {
        if (kubeconfig.isBlank()) {
            return Optional.of("is required");
        }
        if (kubeconfig.length() > MAX_KUBECONFIG_LENGTH) {
            return Optional.of("is longer than " + MAX_KUBECONFIG_LENGTH + " characters");
        }
        try {
            return kubeconfigServer(kubeconfig).isPresent()
                    ? Optional.empty()
                    : Optional.of("must be a kubeconfig whose current-context names a cluster with a server URL");
        } catch (YAMLException | ClassCastException e) {
            return Optional.of("is not valid kubeconfig YAML");
        }
    }

    /** The server URL of the kubeconfig's current context, shown to admins instead of the secret file. */
    static Optional<String> kubeconfigServer(String kubeconfig) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object root = new Yaml(new SafeConstructor(options)).load(kubeconfig);
        if (!(root instanceof Map<?, ?> config) || !(config.get("current-context") instanceof String current)) {
            return Optional.empty();
        }
        String clusterName = named(config.get("contexts"), current)
                .map(c -> c.get("context")).filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("cluster"))
                .filter(String.class::isInstance).map(String.class::cast).orElse(null);
        if (clusterName == null) {
            return Optional.empty();
        }
        return named(config.get("clusters"), clusterName)
                .map(c -> c.get("cluster")).filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("server"))
                .filter(String.class::isInstance).map(String.class::cast);
    }

    private static Optional<Map<?, ?>> named(@Nullable Object list, String name) {
        if (!(list instanceof List<?> entries)) {
            return Optional.empty();
        }
        return entries.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast)
                .filter(entry -> name.equals(entry.get("name"))).findFirst();
    }

    /** Checks a whole spec; {@code storedCredentials} says whether an update may keep the old ones. */
    static void check(ClusterSpec spec, boolean storedCredentials) {
        InputCheck check = new InputCheck()
                .field("name", nameProblem(Text.clean(spec.name())))
                .field("description", Text.freeText(Text.clean(spec.description()), 500));
        boolean keepCredentials = spec.credentials() == null && storedCredentials;
        switch (spec.kind()) {
            case SANDBOX -> {
                if (spec.auth() != ClusterAuth.NONE) {
                    check.fail("auth", "must be NONE for the sandbox: it has no API server to log in to");
                }
            }
            case KUBERNETES -> {
                switch (spec.auth()) {
                    case NONE -> check.fail("auth", "choose TOKEN, KUBECONFIG or IN_CLUSTER for a Kubernetes cluster");
                    case TOKEN -> {
                        check.field("apiUrl", apiUrlProblem(Text.clean(spec.apiUrl())));
                        if (!keepCredentials) {
                            check.field("credentials", tokenProblem(Text.clean(spec.credentials())));
                        }
                    }
                    case KUBECONFIG -> {
                        if (!keepCredentials) {
                            check.field("credentials", kubeconfigProblem(spec.credentials() == null ? "" : spec.credentials()));
                        }
                    }
                    case IN_CLUSTER -> {
                        if (spec.credentials() != null && !spec.credentials().isBlank()) {
                            check.fail("credentials", "must be empty: in-cluster access uses Slipway's own ServiceAccount");
                        }
                    }
                }
                if (spec.caCertificate() != null && !spec.caCertificate().isBlank()) {
                    check.field("caCertificate", caCertificateProblem(spec.caCertificate().strip()));
                }
            }
        }
        check.throwIfInvalid();
    }
}
