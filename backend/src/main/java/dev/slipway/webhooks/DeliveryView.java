package dev.slipway.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One webhook delivery and what became of it.
 *
 * @param deliveryId    the provider's id of the delivery; null for a redelivery, which repeats another
 * @param buildNumber   the build that builds the push: its own for BUILD_QUEUED; for SUPERSEDED the build of
 *                      the newer push that covers it
 * @param redeliveryOf  for a delivery Slipway processed again on a user's request: the delivery it repeats
 * @param redeliveredBy who asked for that redelivery
 */
public record DeliveryView(long id, WebhookProvider provider, @Nullable String deliveryId, String event,
                           @Nullable String repository, @Nullable String ref, @Nullable String commit,
                           DeliveryOutcome outcome, String reason, @Nullable Integer buildNumber, Instant receivedAt,
                           @Nullable Long redeliveryOf, @Nullable String redeliveredBy) {
}
