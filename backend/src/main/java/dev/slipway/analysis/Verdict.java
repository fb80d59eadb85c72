package dev.slipway.analysis;

/**
 * Where a metric's analysis stands, with the sentence the rollout view shows next to the decision.
 */
public record Verdict(Status status, String explanation) {

    public enum Status {
        /** more measurements are needed */
        RUNNING,
        SUCCESSFUL,
        /** the rollout aborts (or switches back) */
        FAILED,
        /** the rollout pauses for a person; it never promotes on this */
        INCONCLUSIVE
    }
}
