package dev.slipway.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One webhook delivery and what became of it.
 *
 * @param buildNumber the build that builds the push: its own for BUILD_QUEUED; for SUPERSEDED the build of
 *                    the newer push that covers it
 */
public record DeliveryView(long id, WebhookProvider provider, @Nullable String deliveryId, String event,
                           @Nullable String repository, @Nullable String ref, @Nullable String commit,
                           DeliveryOutcome outcome, String reason, @Nullable Integer buildNumber, Instant receivedAt) {
}
