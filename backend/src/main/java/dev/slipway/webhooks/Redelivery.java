package dev.slipway.webhooks;

/**
 * The new delivery a redelivery made and the answer it got, as the provider would have read it.
 *
 * @param message what happened, in the words the webhook answer uses
 */
public record Redelivery(DeliveryView delivery, String message) {
}
