package dev.slipway.environments;

import dev.slipway.clusters.ClusterKind;
import org.jspecify.annotations.Nullable;

/**
 * An environment as everyone sees it.
 *
 * @param position      1 for the first stage; releases are promoted towards higher positions
 * @param prometheusUrl where canary analysis queries this environment's metrics, without trailing slashes;
 *                      null for none
 */
public record EnvironmentView(String name, String description, int position, String cluster, ClusterKind clusterKind,
                              String namespaceTemplate, boolean createNamespace, boolean protectedEnvironment,
                              @Nullable String prometheusUrl, @Nullable TrafficRouting routing) {

    /** True when this environment deploys to the sandbox, which only simulates. */
    public boolean simulated() {
        return clusterKind == ClusterKind.SANDBOX;
    }

    public String namespaceFor(String team, String app) {
        return NamespaceRule.render(namespaceTemplate, team, app, name);
    }
}
