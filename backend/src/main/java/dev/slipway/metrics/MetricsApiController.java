package dev.slipway.metrics;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/environments/{environment}/metrics")
@Tag(name = "Metrics")
class MetricsApiController {

    private final MetricsService metrics;

    MetricsApiController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    @Operation(summary = "Request rate, error rate, latency, CPU, memory, restarts and ready pods per release over a"
            + " time range (range: PT15M, PT1H, PT6H or P1D), with rollouts as markers")
    EnvironmentMetrics get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                           @PathVariable String environment, @RequestParam(defaultValue = "PT1H") String range) {
        Duration duration;
        try {
            duration = Duration.parse(range);
        } catch (DateTimeParseException e) {
            duration = null;
        }
        if (duration == null || !MetricsService.RANGES.contains(duration)) {
            throw new InvalidInputException("range", "must be one of PT15M, PT1H, PT6H or P1D (ISO-8601 durations)");
        }
        return metrics.metrics(principal.actor(), app, environment, duration);
    }
}
