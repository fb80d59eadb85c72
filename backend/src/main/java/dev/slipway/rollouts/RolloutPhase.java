package dev.slipway.rollouts;

/** Where a rollout stands. The first three are in flight; the rest are final. */
public enum RolloutPhase {
    /** Moving the environment to the new release. */
    PROGRESSING,
    /** Held by a user; the cluster is told to stop too. */
    PAUSED,
    /** Going back to the stable release, after a failure or an abort. */
    ROLLING_BACK,
    /** The new release runs everywhere it should. */
    SUCCEEDED,
    /** It failed and the stable release runs again. */
    ROLLED_BACK,
    /** A user stopped it and the stable release runs again. */
    ABORTED,
    /** A newer deploy replaced it before it finished. */
    SUPERSEDED,
    /** It failed and there was nothing to go back to, or going back failed too. */
    FAILED;

    public boolean active() {
        return this == PROGRESSING || this == PAUSED || this == ROLLING_BACK;
    }
}
