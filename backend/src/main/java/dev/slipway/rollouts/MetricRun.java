package dev.slipway.rollouts;

import dev.slipway.analysis.Analysis;
import dev.slipway.analysis.Measurement;
import dev.slipway.analysis.MetricTemplate;
import dev.slipway.analysis.Verdict;
import java.util.List;

/**
 * One metric of a canary's analysis step: the template and what was measured of it so far in this step.
 *
 * @param key the template's key as the step names it, e.g. error-rate
 */
record MetricRun(String key, MetricTemplate template, List<Measurement> measurements) {

    MetricRun {
        measurements = List.copyOf(measurements);
    }

    Verdict verdict() {
        return Analysis.judge(template, measurements);
    }

    /** The measured values for a decision's details: "0.004, 0.011", with "error" and "no data" where none. */
    String values() {
        return measurements.stream().map(m -> m.value() == null ? "error" : Double.isNaN(m.value()) ? "no data"
                : Double.toString(m.value())).collect(java.util.stream.Collectors.joining(", "));
    }
}
