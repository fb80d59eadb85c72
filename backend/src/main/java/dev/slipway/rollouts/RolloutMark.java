package dev.slipway.rollouts;

import java.time.Instant;

/**
 * A rollout starting or ending, as a marker on a chart.
 *
 * @param what "started", or how it ended ("succeeded", "rolled back", ...)
 */
public record RolloutMark(Instant at, int release, String what) {

    public String label() {
        return "v" + release + " " + what;
    }
}
