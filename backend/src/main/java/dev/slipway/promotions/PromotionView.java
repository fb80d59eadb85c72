package dev.slipway.promotions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One promotion request and how it ended.
 *
 * @param sourceRelease the release number in {@code from} that was promoted
 * @param image         the image it runs, fixed when the promotion was requested
 * @param targetRelease the release made in {@code to} once approved
 * @param canApprove    whether the user looking may approve it now: a MAINTAINER who did not ask for it
 * @param canReject     whether the user looking may reject it (a MAINTAINER) or withdraw it (the requester)
 */
public record PromotionView(long id, String app, String from, String to, int sourceRelease, String image,
                            PromotionStatus status, String requestedBy, Instant requestedAt, @Nullable String decidedBy,
                            @Nullable Instant decidedAt, @Nullable String comment, @Nullable Integer targetRelease,
                            boolean canApprove, boolean canReject) {
}
