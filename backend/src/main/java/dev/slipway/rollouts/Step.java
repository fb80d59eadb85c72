package dev.slipway.rollouts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a strategy decided in one pass: the phase to be in, the objects that must look like this in the
 * cluster (written only where they differ), what to record on the timeline, and when to look again even
 * if the cluster reports nothing.
 *
 * @param reason       why the phase changed, kept on the rollout; null keeps the previous reason
 * @param writes       desired objects; unchanged ones cost no write
 * @param deletes      Slipway-labelled objects that must no longer exist
 * @param deadline     when the current phase counts as stuck
 * @param checkAgainAt when the engine should run a pass without being asked
 * @param serving      which release gets the app's traffic after this step, when that changed before the
 *                     rollout ends (a blue-green switch); null: the target once SUCCEEDED, else unchanged
 */
record Step(RolloutPhase phase, @Nullable String reason, List<HasMetadata> writes,
            List<HasMetadata> deletes, Progress progress, List<Note> notes, @Nullable Instant deadline,
            @Nullable Instant checkAgainAt, @Nullable Serving serving) {

    /** The release behind the app's Service, and the blue-green slot it serves from (null: no slots). */
    record Serving(boolean target, @Nullable String slot) {
    }

    Step(RolloutPhase phase, @Nullable String reason, List<HasMetadata> writes, List<HasMetadata> deletes,
         Progress progress, List<Note> notes, @Nullable Instant deadline, @Nullable Instant checkAgainAt) {
        this(phase, reason, writes, deletes, progress, notes, deadline, checkAgainAt, null);
    }
}
