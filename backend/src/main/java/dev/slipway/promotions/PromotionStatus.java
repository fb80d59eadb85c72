package dev.slipway.promotions;

public enum PromotionStatus {
    /** waiting for a MAINTAINER other than the requester */
    PENDING,
    /** deployed: at once for an unprotected environment, or when approved */
    APPROVED,
    /** refused by a MAINTAINER */
    REJECTED,
    /** withdrawn by the requester */
    CANCELLED
}
