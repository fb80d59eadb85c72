package dev.slipway.rollouts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The small amount of state a strategy keeps between passes, stored as a JSON object of strings. Each
 * value is typed through the accessors here, so the keys live in one place.
 */
record Progress(Map<String, String> values) {

    /** Ready pods of the new release when last counted; more than before means the rollout progresses. */
    static final String READY = "ready";
    /** When the rollout last made progress; the progress deadline runs from here. */
    static final String LAST_PROGRESS_AT = "lastProgressAt";
    /** Set when a user aborted, so the rollback ends as ABORTED rather than ROLLED_BACK. */
    static final String ABORTED = "aborted";
    /** When going back to the stable release started. */
    static final String ROLLBACK_STARTED_AT = "rollbackStartedAt";
    /** Canary: the index of the step being carried out; the number of steps once all are done. */
    static final String STEP = "step";
    /** Canary: when the current step started; pauses and analyses count from here. */
    static final String STEP_STARTED_AT = "stepStartedAt";
    /** Canary: when the background analysis started; its initial delay counts from here. */
    static final String BACKGROUND_AT = "backgroundAt";
    /** Canary: the background analysis is in its n-th run; a promotion past an inconclusive one starts the next. */
    static final String BACKGROUND_RUN = "backgroundRun";
    /** Canary: paused by an inconclusive background analysis. */
    static final String BACKGROUND_HELD = "backgroundHeld";
    /** When a user paused the rollout; resuming moves the step's clocks on by the time spent paused. */
    static final String PAUSED_AT = "pausedAt";
    /** Canary: a user asked to skip the remaining steps. */
    static final String FULL = "promoteFull";
    /** Canary: paused by its own steps (a pause without end, an inconclusive analysis); only promote goes on. */
    static final String HELD = "held";
    /** Blue-green: the stage, see {@code BlueGreenStrategy.Stage}. */
    static final String STAGE = "stage";
    /** Blue-green: the slot the stable release serves from, or {@link #NO_SLOT} while it runs in one Deployment. */
    static final String ACTIVE_SLOT = "activeSlot";
    static final String NO_SLOT = "none";
    /** Blue-green: the slot the new release runs in. */
    static final String SLOT = "slot";
    /** Blue-green: when the app's Service switched to the new release; the scale-down delay counts from here. */
    static final String SWITCHED_AT = "switchedAt";
    /** Blue-green: the switch went to pods that were already up (an instant rollback); no slot is rewritten. */
    static final String INSTANT = "instant";
    /** Consecutive failed calls to the Kubernetes API, for the backoff. */
    static final String API_FAILURES = "apiFailures";

    Progress {
        values = Map.copyOf(values);
    }

    static Progress empty() {
        return new Progress(Map.of());
    }

    int integer(String key) {
        return Optional.ofNullable(values.get(key)).map(Integer::parseInt).orElse(0);
    }

    Optional<Instant> instant(String key) {
        return Optional.ofNullable(values.get(key)).map(Instant::parse);
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    Progress with(String key, Object value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, String.valueOf(value));
        return new Progress(copy);
    }

    Progress without(String key) {
        Map<String, String> copy = new HashMap<>(values);
        copy.remove(key);
        return new Progress(copy);
    }
}
