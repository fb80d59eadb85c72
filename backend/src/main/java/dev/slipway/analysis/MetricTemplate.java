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

    /** The built-in template for the share of 5xx responses. */
    public static MetricTemplate errorRate() {
        return new MetricTemplate("error rate",
                "sum(rate(http_server_requests_seconds_count{app=\"{{app}}\",env=\"{{env}}\",release=\"{{release}}\","
                        + "status=~\"5..\"}[1m])) / sum(rate(http_server_requests_seconds_count{app=\"{{app}}\","
                        + "env=\"{{env}}\",release=\"{{release}}\"}[1m]))",
                new Condition(Condition.Operator.LT, 0.05), new Condition(Condition.Operator.GE, 0.05),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 0, 1, 3);
    }

    /** The built-in template for p99 latency in seconds. */
    public static MetricTemplate p99Latency() {
        return new MetricTemplate("p99 latency",
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{app=\"{{app}}\","
                        + "env=\"{{env}}\",release=\"{{release}}\"}[1m])))",
                new Condition(Condition.Operator.LT, 0.5), new Condition(Condition.Operator.GE, 1.0),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 0, 1, 3);
    }

    /**
     * The query with its placeholders filled in. Values are escaped for PromQL string literals, so a
     * value can never end the label matcher it sits in.
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")));
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
