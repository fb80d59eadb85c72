package dev.slipway.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of a metric's measurements so far, as a pure function of the template and the list, so
 * that the engine can recompute it from what is stored after a restart and a test can state it exactly.
 */
public final class Analysis {

    private Analysis() {
    }

    public static Verdict judge(MetricTemplate template, List<Measurement> measurements) {
        int errorsInARow = 0;
        for (int i = measurements.size() - 1; i >= 0 && measurements.get(i).phase() == Measurement.Phase.ERROR; i--) {
            errorsInARow++;
        }
        if (errorsInARow > template.consecutiveErrorLimit()) {
            return new Verdict(Verdict.Status.FAILED, template.name() + " could not be measured " + errorsInARow
                    + " times in a row (limit " + template.consecutiveErrorLimit() + "): "
                    + measurements.getLast().error());
        }
        List<Measurement> measured = measurements.stream().filter(m -> m.phase() != Measurement.Phase.ERROR).toList();
        List<Measurement> failed = of(measured, Measurement.Phase.FAILED);
        if (failed.size() > template.failureLimit()) {
            return new Verdict(Verdict.Status.FAILED, template.name() + " " + values(failed) + " "
                    + symbol(template.failure() != null ? template.failure() : template.success(), template.failure() == null)
                    + " in " + failed.size() + " of " + measured.size() + " measurements (limit " + template.failureLimit()
                    + ")");
        }
        List<Measurement> inconclusive = of(measured, Measurement.Phase.INCONCLUSIVE);
        if (inconclusive.size() > template.inconclusiveLimit()) {
            return new Verdict(Verdict.Status.INCONCLUSIVE, template.name() + " " + values(inconclusive)
                    + " is neither " + template.success() + " nor " + (template.failure() == null ? "a failure"
                    : template.failure().toString()) + " in " + inconclusive.size() + " of " + measured.size()
                    + " measurements (no data counts too); paused for a person to decide");
        }
        if (measured.size() >= template.count()) {
            List<Measurement> good = of(measured, Measurement.Phase.SUCCESSFUL);
            return new Verdict(Verdict.Status.SUCCESSFUL, template.name() + " " + values(good) + " "
                    + symbol(template.success(), false) + " in " + good.size() + " of " + measured.size()
                    + " measurements");
        }
        return new Verdict(Verdict.Status.RUNNING, template.name() + ": " + measured.size() + " of " + template.count()
                + " measurements taken");
    }

    /**
     * When the metric must be measured next: the initial delay after the analysis started, then one
     * interval after the last measurement, errors included (a source that fails is asked again at the
     * same pace, until the consecutive-error limit decides). Empty once the verdict is no longer running,
     * so a restarted Slipway neither measures twice nor forgets to measure.
     */
    public static Optional<Instant> nextMeasurementAt(MetricTemplate template, Instant startedAt,
                                                      List<Measurement> measurements) {
        if (judge(template, measurements).status() != Verdict.Status.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(measurements.isEmpty() ? startedAt.plus(template.initialDelay())
                : measurements.getLast().at().plus(template.interval()));
    }

    private static List<Measurement> of(List<Measurement> measured, Measurement.Phase phase) {
        return measured.stream().filter(m -> m.phase() == phase).toList();
    }

    /** The values, the last three at most: "0.072, 0.081, 0.09". */
    private static String values(List<Measurement> measurements) {
        List<Measurement> last = measurements.subList(Math.max(0, measurements.size() - 3), measurements.size());
        return String.join(", ", last.stream().map(m -> m.value() == null || m.value().isNaN() ? "no data"
                : Condition.format(m.value())).toList());
    }

    /** "> 0.05", or "not < 0.05" when a failure is the success condition not holding. */
    private static String symbol(Condition condition, boolean negated) {
        return (negated ? "not " : "") + condition.operator().symbol() + " " + Condition.format(condition.threshold());
    }
}
