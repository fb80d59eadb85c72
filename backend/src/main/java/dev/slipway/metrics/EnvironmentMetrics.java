package dev.slipway.metrics;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An app's metrics in one environment over a time range, one chart per metric with one series per
 * release (so a canary shows next to the stable release), and the rollouts as markers.
 *
 * @param source      where the numbers come from, in words ("Prometheus at ...", "sandbox simulation")
 * @param unavailable why there are no numbers at all, and what to do; null when there are
 */
public record EnvironmentMetrics(Instant from, Instant to, String source, @Nullable String unavailable,
                                 List<Chart> charts, List<Marker> markers) {

    /** How a chart's values read: a fraction shown as %, seconds, bytes, cores, per second, a count. */
    public enum Unit { PER_SECOND, PERCENT, SECONDS, BYTES, CORES, COUNT }

    public record Chart(String key, String title, Unit unit, List<Series> series) {
    }

    /** @param label the release, e.g. "v7"; NaN values are gaps */
    public record Series(String label, List<Point> points) {
    }

    public record Point(Instant at, double value) {
    }

    /** A rollout starting or ending, e.g. "v7 started" or "v7 rolled back". */
    public record Marker(Instant at, String label) {
    }
}
