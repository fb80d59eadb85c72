package dev.slipway.apps;

/** How a new release replaces the running one in an environment. */
public enum DeployStrategy {
    /** Kubernetes' rolling update: pods of the new release replace old ones a few at a time. */
    ROLLING,
    /**
     * A second Deployment runs the new release beside the stable one and gets a growing share of the
     * traffic, step by step, with metric analysis between steps; the stable release takes it over at the end.
     */
    CANARY,
    /**
     * The new release starts in the idle one of two slots behind a preview Service; promotion switches the
     * app's Service to it in one write, and the old slot stays up for an instant rollback for a while.
     */
    BLUE_GREEN
}
