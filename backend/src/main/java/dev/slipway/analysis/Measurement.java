package dev.slipway.analysis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One query's outcome, kept so every decision can show what it was based on.
 *
 * @param value the number the query returned; null when it errored
 * @param error why there is no value (the metric source's error, no data, a malformed answer)
 */
public record Measurement(Instant at, Phase phase, @Nullable Double value, @Nullable String error) {

    public enum Phase {
        /** the success condition held */
        SUCCESSFUL,
        /** the failure condition held, or the success condition did not when there is no failure condition */
        FAILED,
        /** neither condition held: not enough evidence either way */
        INCONCLUSIVE,
        /** no value: the source failed to answer usefully */
        ERROR
    }

    public static Measurement error(Instant at, String why) {
        return new Measurement(at, Phase.ERROR, null, why);
    }
}
