package dev.slipway.sandbox;

import dev.slipway.analysis.Measurement;
import dev.slipway.analysis.MetricSource;
import dev.slipway.analysis.MetricTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sandbox's metrics: what Prometheus would answer for a release whose pods behave as its
 * {@link SandboxBehaviour} says, so that every outcome of an analysis can be watched without real traffic.
 * Values vary a little from one measurement to the next, as real ones do, but always stay on their side
 * of the built-in thresholds (5% errors, 0.5 s p99), so the outcome of a rollout is the behaviour's.
 */
public final class SimulatedMetrics implements MetricSource {

    private static final String ERROR_RATE = MetricTemplate.errorRate().name();
    private static final String P99_LATENCY = MetricTemplate.p99Latency().name();

    private final SandboxBehaviour behaviour;

    public SimulatedMetrics(SandboxBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public Measurement measure(MetricTemplate template, Map<String, String> placeholders, Instant at) {
        if (behaviour == SandboxBehaviour.METRICS_DOWN) {
            return Measurement.error(at, "the sandbox's simulated Prometheus failed the query (this release was"
                    + " deployed with the sandbox behaviour \"metrics down\")");
        }
        boolean bad = behaviour == SandboxBehaviour.BAD_METRICS;
        double value;
        if (behaviour == SandboxBehaviour.NO_TRAFFIC) {
            value = Double.NaN; // what a rate over no requests gives: 0/0
        } else if (template.name().equals(ERROR_RATE)) {
            value = bad ? between(0.065, 0.08) : between(0.001, 0.012);
        } else if (template.name().equals(P99_LATENCY)) {
            value = bad ? between(1.3, 1.5) : between(0.08, 0.2);
        } else {
            return Measurement.error(at, "the sandbox simulates only the built-in metrics (" + ERROR_RATE + ", "
                    + P99_LATENCY + "), not " + template.name() + "; try a template of your own in an environment"
                    + " with a Prometheus");
        }
        return new Measurement(at, template.classify(value), value, null);
    }

    /**
     * What the release's pods would report right now, for the environment page's charts.
     *
     * @param errorRate  the share of failed requests; NaN with no traffic
     * @param p50Latency seconds; NaN with no traffic
     * @param p99Latency seconds; NaN with no traffic
     */
    public record Sample(double requestRate, double errorRate, double p50Latency, double p99Latency, double cpuCores,
                         double memoryBytes) {
    }

    /**
     * A sample for pods of this release, or empty when the behaviour is "metrics down" (a gap in the
     * charts, as a scrape that failed leaves).
     *
     * @param ready   pods that are ready, so get requests
     * @param running pods that run, ready or not, so use CPU and memory
     */
    public java.util.Optional<Sample> sample(int ready, int running) {
        if (behaviour == SandboxBehaviour.METRICS_DOWN) {
            return java.util.Optional.empty();
        }
        boolean bad = behaviour == SandboxBehaviour.BAD_METRICS;
        boolean traffic = behaviour != SandboxBehaviour.NO_TRAFFIC && ready > 0;
        double requests = traffic ? ready * between(11.0, 13.0) : 0;
        return java.util.Optional.of(new Sample(requests,
                traffic ? (bad ? between(0.065, 0.08) : between(0.001, 0.012)) : Double.NaN,
                traffic ? (bad ? between(0.3, 0.4) : between(0.02, 0.04)) : Double.NaN,
                traffic ? (bad ? between(1.3, 1.5) : between(0.08, 0.2)) : Double.NaN,
                running * between(0.05, 0.12), running * between(180, 220) * 1024 * 1024));
    }

    /** Three significant digits, like a value read off a dashboard. */
    private static double between(double low, double high) {
        double value = ThreadLocalRandom.current().nextDouble(low, high);
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
    }
}
