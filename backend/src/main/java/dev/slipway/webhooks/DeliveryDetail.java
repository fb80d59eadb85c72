package dev.slipway.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One delivery with the request it came with, for the delivery page.
 *
 * @param headers                 the request's headers in the order received; signature and token headers
 *                                show {@value StoredRequests#REDACTED}, their values are never stored
 * @param body                    the body as received (for a form, still URL-encoded); null when it is not kept
 * @param document                the JSON document the provider sent, pretty-printed (for a form, its
 *                                {@code payload} field); null when the body is not kept or is not JSON
 * @param bodyBytes               the body's size as received; null for deliveries from before Slipway kept it
 * @param requestMissingBecause   why headers or body are not shown, or null when both are
 * @param canRedeliver            whether the user looking may have Slipway process this delivery again now
 * @param redeliverBlockedBecause why this delivery cannot be redelivered by anyone, or null when it can
 */
public record DeliveryDetail(DeliveryView delivery, List<Header> headers, @Nullable String body,
                             @Nullable String document, @Nullable Integer bodyBytes,
                             @Nullable String requestMissingBecause, boolean canRedeliver,
                             @Nullable String redeliverBlockedBecause) {

    /** One request header as received, or redacted. */
    public record Header(String name, String value) {
    }
}
