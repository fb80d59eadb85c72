package dev.slipway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.analysis.Measurement;
import dev.slipway.analysis.MetricTemplate;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The sandbox's metrics decide an analysis the way the release's behaviour says, every time. */
class SimulatedMetricsTest {

    static final Map<String, String> CANARY = Map.of("app", "shop", "env", "dev", "release", "2", "slot", "canary");
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @RepeatedTest(20)
    void a_healthy_release_passes_both_built_in_metrics_and_bad_metrics_fail_them() {
        SimulatedMetrics healthy = new SimulatedMetrics(SandboxBehaviour.HEALTHY);
        SimulatedMetrics bad = new SimulatedMetrics(SandboxBehaviour.BAD_METRICS);

        assertThat(healthy.measure(MetricTemplate.errorRate(), CANARY, NOW).phase()).isEqualTo(Measurement.Phase.SUCCESSFUL);
        assertThat(healthy.measure(MetricTemplate.p99Latency(), CANARY, NOW).phase()).isEqualTo(Measurement.Phase.SUCCESSFUL);
        assertThat(bad.measure(MetricTemplate.errorRate(), CANARY, NOW).phase()).isEqualTo(Measurement.Phase.FAILED);
        assertThat(bad.measure(MetricTemplate.p99Latency(), CANARY, NOW).phase()).isEqualTo(Measurement.Phase.FAILED);
    }

    @Test
    void no_traffic_is_inconclusive_and_metrics_down_is_an_error_that_says_so() {
        Measurement none = new SimulatedMetrics(SandboxBehaviour.NO_TRAFFIC).measure(MetricTemplate.errorRate(), CANARY, NOW);
        Measurement down = new SimulatedMetrics(SandboxBehaviour.METRICS_DOWN).measure(MetricTemplate.errorRate(), CANARY, NOW);

        assertThat(none.phase()).isEqualTo(Measurement.Phase.INCONCLUSIVE);
        assertThat(none.value()).isNaN();
        assertThat(down.phase()).isEqualTo(Measurement.Phase.ERROR);
        assertThat(down.value()).isNull();
        assertThat(down.error()).contains("simulated Prometheus failed the query");
    }
}
