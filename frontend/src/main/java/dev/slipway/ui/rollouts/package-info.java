/**
 * Deploying from the browser: an app's page in one environment with the live rollout (server push, no
 * reload), its pods, its timeline of decisions, the release history with rollback, the deploy dialog and
 * the settings (pods, resources, rolling update) the next deploy there uses.
 */
@NullMarked
package dev.slipway.ui.rollouts;

import org.jspecify.annotations.NullMarked;
