package dev.slipway.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric templates every canary step may name, by the key written in its {@code analysis} line.
 * Built in: the share of 5xx responses and the p99 latency, the two signals that catch most bad releases.
 */
public final class MetricTemplates {

    public static final String ERROR_RATE = "error-rate";
    public static final String P99_LATENCY = "p99-latency";

    private static final Map<String, MetricTemplate> BUILT_IN = Map.of(
            ERROR_RATE, MetricTemplate.errorRate(),
            P99_LATENCY, MetricTemplate.p99Latency());

    private MetricTemplates() {
    }

    /** The keys that can be named, sorted. */
    public static List<String> names() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    public static Optional<MetricTemplate> builtIn(String key) {
        return Optional.ofNullable(BUILT_IN.get(key));
    }

    /**
     * A built-in template measured at another pace: a platform may look more or less often than the
     * defaults (every 30 s, 3 times, after 30 s), e.g. a sandbox demo that should not take minutes.
     */
    public static Optional<MetricTemplate> builtIn(String key, Duration interval, int count, Duration initialDelay) {
        return builtIn(key).map(t -> new MetricTemplate(t.name(), t.query(), t.success(), t.failure(), interval, count,
                initialDelay, t.failureLimit(), t.inconclusiveLimit(), t.consecutiveErrorLimit()));
    }
}
