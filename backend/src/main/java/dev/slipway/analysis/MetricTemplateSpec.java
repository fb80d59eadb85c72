package dev.slipway.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record MetricTemplateSpec(
        @Schema(maxLength = 40, pattern = "[a-z0-9]+(-[a-z0-9]+)*", example = "checkout-latency") String key,
        @Schema(description = "The team's name; left out for a platform template") @Nullable String team,
        @Schema(maxLength = 80) String name,
        @Schema(description = "PromQL giving one number; placeholders {{app}} {{env}} {{release}} {{slot}}",
                maxLength = 4000) String query,
        @Schema(example = "result < 0.05") String success,
        @Nullable String failure,
        @Schema(minimum = "1", maximum = "3600") int intervalSeconds,
        @Schema(minimum = "1", maximum = "100") int count,
        @Schema(minimum = "0", maximum = "3600") int initialDelaySeconds,
        @Schema(minimum = "0", maximum = "100") int failureLimit,
        @Schema(minimum = "0", maximum = "100") int inconclusiveLimit,
        @Schema(minimum = "0", maximum = "100") int consecutiveErrorLimit) {
}
