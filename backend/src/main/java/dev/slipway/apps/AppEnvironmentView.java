package dev.slipway.apps;

import dev.slipway.environments.EnvironmentView;

/**
 * An app's place in one environment: where it would run. What runs there is added by the deploy feature.
 *
 * @param namespace the namespace the environment's rule gives this app
 */
public record AppEnvironmentView(EnvironmentView environment, String namespace) {
}
