package dev.slipway.releases;

import dev.slipway.apps.DeploySettings;

/**
 * The settings a release runs with, copied when it was made: the app's port and probes, and how it runs
 * in the environment.
 */
public record ReleaseSettings(int port, String livenessPath, String readinessPath, DeploySettings deploy) {
}
