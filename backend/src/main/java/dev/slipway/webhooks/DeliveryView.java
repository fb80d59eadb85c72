package dev.slipway.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One webhook delivery and what became of it. */
public record DeliveryView(long id, WebhookProvider provider, @Nullable String deliveryId, String event,
                           @Nullable String repository, @Nullable String ref, @Nullable String commit,
                           DeliveryOutcome outcome, String reason, @Nullable Integer buildNumber, Instant receivedAt) {
}
