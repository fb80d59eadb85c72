package dev.slipway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an app's team needs to set up its hook: the path per provider (prefix it with Slipway's own
 * address), whether a secret is set, and the recent deliveries.
 *
 * @param paths          provider to path, e.g. github -> /hooks/github/shop-api
 * @param secretSetBy    who generated the current secret; null while there is none (deliveries are refused)
 * @param canChange      whether the user looking may generate or rotate the secret
 */
public record WebhookInfo(String app, Map<String, String> paths, boolean hasSecret, @Nullable String secretSetBy,
                          @Nullable Instant secretSetAt, boolean canChange, List<DeliveryView> deliveries) {
}
