package dev.slipway.rollouts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a canary rollout stands in its steps, and everything its analyses measured.
 *
 * @param steps        the steps as written, one per entry
 * @param current      index of the step being carried out; {@code steps.size()} once the stable
 *                     Deployment takes over
 * @param weight       the share of requests (percent) the canary is meant to have now
 * @param canaryPods   pods of the canary at that weight
 * @param stablePods   pods of the stable release at that weight
 * @param actualWeight the canary's share by the ratio of pods, which few pods can only approximate
 * @param measurements every measurement, oldest first
 */
public record CanaryView(List<String> steps, int current, int weight, int canaryPods, int stablePods,
                         int actualWeight, List<MeasurementView> measurements) {

    /**
     * @param step   the 1-based step that measured; 0 for a canary's background analysis
     * @param metric the template's key
     * @param value  null when the measurement errored; NaN when there was no data
     * @param error  why there is no value
     */
    public record MeasurementView(int step, String metric, Instant at, String phase, @Nullable Double value,
                                  @Nullable String error) {
    }

    /** True once every step is done and the stable Deployment takes the new release. */
    public boolean takingOver() {
        return current >= steps.size();
    }
}
