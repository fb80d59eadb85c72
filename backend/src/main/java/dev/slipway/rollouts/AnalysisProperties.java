package dev.slipway.rollouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the built-in metric templates are measured on this Slipway. The defaults give Prometheus time to
 * scrape the canary a few times; a sandbox demo or a test may look sooner and more often.
 *
 * @param interval     between two measurements of a metric
 * @param count        measurements a metric needs to pass
 * @param initialDelay after an analysis step starts, before the first measurement
 * @param queryTimeout how long one Prometheus query may take before it counts as an error
 */
@ConfigurationProperties("slipway.analysis")
record AnalysisProperties(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("3") int count,
        @DefaultValue("30s") Duration initialDelay,
        @DefaultValue("10s") Duration queryTimeout) {
}
