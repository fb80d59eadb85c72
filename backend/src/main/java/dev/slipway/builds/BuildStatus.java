package dev.slipway.builds;

public enum BuildStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** Slipway stopped while the build ran; it is never left looking like it still runs. */
    INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
