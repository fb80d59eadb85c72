package dev.slipway.rollouts;

import dev.slipway.analysis.Analysis;
import dev.slipway.analysis.Condition;
import dev.slipway.analysis.Measurement;
import dev.slipway.analysis.MetricSource;
import dev.slipway.analysis.MetricTemplate;
import dev.slipway.analysis.MetricTemplateService;
import dev.slipway.analysis.MetricTemplates;
import dev.slipway.analysis.PrometheusClient;
import dev.slipway.apps.AppRef;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.releases.ReleaseView;
import dev.slipway.sandbox.SimulatedMetrics;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes the measurements a canary's analysis step is due for, stores them, and hands the strategy every
 * measurement of the step so far. This is the pass's only I/O besides Kubernetes: the strategy judges.
 */
@Component
class CanaryAnalysis {

    private final AnalysisMeasurements measurements;
    private final AnalysisProperties properties;
    private final PrometheusClient prometheus;
    private final MetricTemplateService templates;

    CanaryAnalysis(AnalysisMeasurements measurements, AnalysisProperties properties, MetricTemplateService templates) {
        this.templates = templates;
        this.measurements = measurements;
        this.properties = properties;
        this.prometheus = new PrometheusClient(properties.queryTimeout());
    }

    /**
     * The template an app of this team measures for a key: a built-in one at this Slipway's pace, else the
     * team's or the platform's own.
     */
    Optional<MetricTemplate> template(String team, String key) {
        Optional<MetricTemplate> builtIn = MetricTemplates.builtIn(key, properties.interval(), properties.count(),
                properties.initialDelay());
        return builtIn.isPresent() ? builtIn : templates.resolve(team, key);
    }

    /**
     * @param step        where the measurements are stored: the canary step's index, or the blue-green analysis
     * @param label       how the timeline names the step, e.g. "Step 2" or "Pre-promotion"
     * @param slot        the {{slot}} placeholder's value: the pods being measured
     * @param stepStarted when the analysis step started; the initial delay counts from here
     * @param notes       receives a timeline entry per measurement taken
     */
    List<MetricRun> measure(long rolloutId, int step, String label, List<String> keys, String slot,
                            EnvironmentView environment, AppRef app, ReleaseView target, Instant stepStarted,
                            Instant now, List<Note> notes) {
        MetricSource source = source(environment, target);
        Map<String, String> placeholders = Map.of("app", app.name(), "env", environment.name(),
                "release", Integer.toString(target.number()), "slot", slot);
        List<MetricRun> runs = new ArrayList<>();
        for (String key : keys) {
            Optional<MetricTemplate> found = template(app.team(), key);
            if (found.isEmpty()) {
                // the template was deleted after the release was made: a run that only errors fails the metric
                MetricTemplate gone = new MetricTemplate(key, "", new Condition(Condition.Operator.LT, 0), null,
                        properties.interval(), 1, java.time.Duration.ZERO, 0, 0, 0);
                runs.add(new MetricRun(key, gone, List.of(Measurement.error(now, "there is no metric template " + key
                        + " any more (it was deleted); write it again, or abort and deploy without this analysis"))));
                continue;
            }
            MetricTemplate template = found.get();
            List<Measurement> taken = new ArrayList<>(measurements.of(rolloutId, step, key));
            Optional<Instant> due = Analysis.nextMeasurementAt(template, stepStarted, taken);
            if (due.isPresent() && !now.isBefore(due.get())) {
                Measurement m = take(source, template, placeholders, now);
                measurements.add(rolloutId, step, key, m);
                taken.add(m);
                notes.add(note(key, template, m, label));
            }
            runs.add(new MetricRun(key, template, taken));
        }
        return runs;
    }

    private static Measurement take(MetricSource source, MetricTemplate template, Map<String, String> placeholders,
                                    Instant now) {
        try {
            return source.measure(template, placeholders, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring " + template.name() + "; Slipway is stopping", e);
        }
    }

    /** The sandbox simulates; a real environment needs its Prometheus URL, and says so when it has none. */
    private MetricSource source(EnvironmentView environment, ReleaseView target) {
        if (environment.simulated()) {
            return new SimulatedMetrics(target.sandboxBehaviour());
        }
        if (environment.prometheusUrl() == null) {
            return MetricSource.unavailable("environment " + environment.name() + " has no Prometheus URL; an admin"
                    + " sets one under Platform > Environments, or remove the analysis steps from the canary");
        }
        return MetricSource.prometheus(prometheus, URI.create(environment.prometheusUrl()));
    }

    private static Note note(String key, MetricTemplate template, Measurement m, String label) {
        String value = m.value() == null ? "no value" : Double.isNaN(m.value()) ? "no data"
                : Condition.format(m.value());
        String message = m.phase() == Measurement.Phase.ERROR
                ? label + ": " + template.name() + " could not be measured: " + m.error()
                : label + ": " + template.name() + " is " + value + " ("
                        + m.phase().name().toLowerCase(java.util.Locale.ROOT) + "; passes when " + template.success() + ")";
        return new Note("MEASURED", message, Map.of("metric", key, "phase", m.phase().name(), "value", value));
    }
}
