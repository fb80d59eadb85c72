package dev.slipway.apps;

import org.jspecify.annotations.Nullable;

/**
 * What a push must match to build an app: its repository and branch; both null for an app that
 * deploys images built elsewhere.
 */
public record GitTarget(AppRef app, @Nullable String repositoryUrl, @Nullable String branch) {
}
