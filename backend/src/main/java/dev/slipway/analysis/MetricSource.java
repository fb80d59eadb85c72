package dev.slipway.analysis;

import java.time.Instant;
import java.util.Map;

/**
 * Where an analysis gets its numbers: Prometheus for real environments, a simulation for the sandbox.
 * A source never throws for a failed query; it answers with an {@link Measurement.Phase#ERROR ERROR}
 * measurement that says why, so the template's consecutive-error limit decides.
 */
public interface MetricSource {

    /**
     * @param placeholders values for {@code {{app}}}, {@code {{env}}}, {@code {{release}}} and {@code {{slot}}}
     * @throws InterruptedException when Slipway is stopping: no measurement was taken
     */
    Measurement measure(MetricTemplate template, Map<String, String> placeholders, Instant at)
            throws InterruptedException;

    /** Prometheus at a base URL, through one shared client. */
    static MetricSource prometheus(PrometheusClient client, java.net.URI url) {
        return (template, placeholders, at) -> client.measure(template, url, placeholders, at);
    }

    /** A source that cannot answer, for an environment that has none: every measurement is this error. */
    static MetricSource unavailable(String why) {
        return (template, placeholders, at) -> Measurement.error(at, why);
    }
}
