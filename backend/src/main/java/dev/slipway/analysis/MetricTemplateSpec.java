package dev.slipway.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A metric template as a platform admin or a team maintainer writes it.
 *
 * @param key     what analysis steps name it by, e.g. checkout-latency
 * @param team    the team whose apps may use it; null for every team (the platform's)
 * @param query   PromQL giving one number, with {{app}}, {{env}}, {{release}} and {{slot}} placeholders
 * @param success e.g. "result < 0.05"
 * @param failure e.g. "result >= 0.1"; null: anything not successful fails
 */
public record MetricTemplateSpec(String key, @Nullable String team, String name, String query, String success,
                                 @Nullable String failure, int intervalSeconds, int count, int initialDelaySeconds,
                                 int failureLimit, int inconclusiveLimit, int consecutiveErrorLimit) {
}
