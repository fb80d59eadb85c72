package dev.slipway.rollouts;

/**
 * Published after a rollout changed (a pass or a command committed). The engine and the UI listen
 * after commit, so they never see a change that was rolled back.
 */
public record RolloutChanged(long rolloutId, String app, String environment) {
}
