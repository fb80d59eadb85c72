package dev.slipway.analysis;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one metric is judged during a rollout, after Argo Rollouts' AnalysisTemplate.
 *
 * @param query                 PromQL with {@code {{app}}}, {@code {{env}}}, {@code {{release}}} and {@code {{slot}}}
 * @param success               what a good measurement looks like
 * @param failure               what a bad one looks like; null: anything not successful is a failure
 * @param count                 measurements to take; the metric succeeds when all are taken within the limits
 * @param failureLimit          failed measurements tolerated; one more fails the metric
 * @param inconclusiveLimit     inconclusive measurements tolerated; one more makes it inconclusive (a pause)
 * @param consecutiveErrorLimit errors in a row tolerated; one more fails the metric, since a source that keeps
 *                              erroring proves nothing good
 */
public record MetricTemplate(String name, String query, Condition success, @Nullable Condition failure,
                             Duration interval, int count, Duration initialDelay, int failureLimit,
                             int inconclusiveLimit, int consecutiveErrorLimit) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(app|env|release|slot)\\s*}}");
    /** What app, environment, release and slot names are made of; anything else never reaches a query. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,253}");

    public MetricTemplate {
        if (count < 1 || failureLimit < 0 || inconclusiveLimit < 0 || consecutiveErrorLimit < 0) {
            throw new IllegalArgumentException("count must be at least 1 and the limits at least 0");
        }
        if (interval.isNegative() || interval.isZero() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("the interval must be positive and the initial delay not negative");
        }
    }

    /** The built-in template for the share of 5xx responses. */
    public static MetricTemplate errorRate() {
        return new MetricTemplate("error rate",
                // "or vector(0)": a release that never answered 5xx has no such series, and that is a rate of 0,
                // not "no data"; 2m spans several scrapes at Prometheus's default 1m scrape interval
                "(sum(rate(http_server_requests_seconds_count{app=\"{{app}}\",env=\"{{env}}\",release=\"{{release}}\","
                        + "status=~\"5..\"}[2m])) or vector(0)) / sum(rate(http_server_requests_seconds_count{"
                        + "app=\"{{app}}\",env=\"{{env}}\",release=\"{{release}}\"}[2m]))",
                new Condition(Condition.Operator.LT, 0.05), new Condition(Condition.Operator.GE, 0.05),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 0, 1, 3);
    }

    /** The built-in template for p99 latency in seconds. */
    public static MetricTemplate p99Latency() {
        return new MetricTemplate("p99 latency",
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{app=\"{{app}}\","
                        + "env=\"{{env}}\",release=\"{{release}}\"}[2m])))",
                new Condition(Condition.Operator.LT, 0.5), new Condition(Condition.Operator.GE, 1.0),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 0, 1, 3);
    }

    /**
     * The query with its placeholders filled in. A value must be a plain name (letters, digits, dot,
     * hyphen, underscore), so it can neither leave the label matcher it sits in nor widen a regex matcher.
     *
     * @throws IllegalArgumentException naming the placeholder that has no value or an unsafe one
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || !SAFE_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("the query uses {{" + m.group(1) + "}}, which has "
                        + (value == null ? "no value here" : "a value that is not a plain name: " + value));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How a measured value is classed against the conditions. */
    public Measurement.Phase classify(double value) {
        if (Double.isNaN(value)) {
            return Measurement.Phase.INCONCLUSIVE; // 0/0: no requests in the window, neither good nor bad
        }
        if (failure != null && failure.holds(value)) {
            return Measurement.Phase.FAILED;
        }
        if (success.holds(value)) {
            return Measurement.Phase.SUCCESSFUL;
        }
        return failure == null ? Measurement.Phase.FAILED : Measurement.Phase.INCONCLUSIVE;
    }
}
