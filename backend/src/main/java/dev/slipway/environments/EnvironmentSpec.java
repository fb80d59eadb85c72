package dev.slipway.environments;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An environment to create, or the new state of one.
 *
 * @param name                 1 to 16 characters, a DNS label (it appears in namespace names)
 * @param cluster              the name of the cluster it deploys to
 * @param namespaceTemplate    see {@link NamespaceRule}
 * @param createNamespace      whether Slipway creates the namespace when it is missing; off when the
 *                             cluster's admins create namespaces themselves
 * @param protectedEnvironment whether deploying needs a team maintainer
 * @param prometheusUrl        where canary analysis queries this environment's metrics, an http(s) base URL
 *                             without credentials such as http://prometheus.monitoring:9090; blank or null
 *                             for none
 * @param routing              a traffic router that splits requests by exact weights; null for none, when
 *                             canaries split by the ratio of pods
 */
public record EnvironmentSpec(
        @Schema(description = "A DNS label", maxLength = EnvironmentService.MAX_NAME_LENGTH,
                pattern = "[a-z]([-a-z0-9]*[a-z0-9])?", example = "staging") String name,
        @Schema(maxLength = 500) @Nullable String description,
        @Schema(description = "The cluster's name") String cluster,
        @Schema(description = "Placeholders {app}, {team}, {env}", maxLength = NamespaceRule.MAX_TEMPLATE_LENGTH,
                example = "{app}-{env}") String namespaceTemplate,
        boolean createNamespace,
        boolean protectedEnvironment,
        @Schema(description = "http(s) base URL without credentials", maxLength = EnvironmentService.MAX_PROMETHEUS_URL_LENGTH)
        @Nullable String prometheusUrl,
        @Nullable TrafficRouting routing) {

    /** An environment without a traffic router. */
    public EnvironmentSpec(String name, String description, String cluster, String namespaceTemplate,
                           boolean createNamespace, boolean protectedEnvironment, @Nullable String prometheusUrl) {
        this(name, description, cluster, namespaceTemplate, createNamespace, protectedEnvironment, prometheusUrl, null);
    }

    /** An environment without a Prometheus URL. */
    public EnvironmentSpec(String name, String description, String cluster, String namespaceTemplate,
                           boolean createNamespace, boolean protectedEnvironment) {
        this(name, description, cluster, namespaceTemplate, createNamespace, protectedEnvironment, null, null);
    }
}
