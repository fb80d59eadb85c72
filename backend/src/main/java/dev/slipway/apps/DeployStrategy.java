package dev.slipway.apps;

/** How a new release replaces the running one in an environment. */
public enum DeployStrategy {
    /** Kubernetes' rolling update: pods of the new release replace old ones a few at a time. */
    ROLLING
}
