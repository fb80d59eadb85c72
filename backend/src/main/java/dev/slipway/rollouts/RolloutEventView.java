package dev.slipway.rollouts;

import java.time.Instant;
import java.util.Map;

/** One entry of a rollout's timeline. */
public record RolloutEventView(Instant at, String kind, String message, Map<String, String> details) {
}
