package dev.slipway.environments;

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
public record EnvironmentSpec(String name, @Nullable String description, String cluster, String namespaceTemplate,
                              boolean createNamespace, boolean protectedEnvironment, @Nullable String prometheusUrl,
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
