package dev.slipway.webhooks;

public enum DeliveryOutcome {
    /** a verified push to the app's branch, answered; its build is queued a moment later */
    BUILD_PENDING,
    /** a push to the app's branch: a build was queued */
    BUILD_QUEUED,
    /** a push to the app's branch overtaken, while pending, by a newer push whose build covers it */
    SUPERSEDED,
    /** a push to the app's branch that could not be built, with why (e.g. no registry) */
    NOT_BUILT,
    /** the provider checking that the hook works */
    PING,
    /** a delivery id seen before: acknowledged, not built again */
    DUPLICATE,
    /** the pushed repository is not the app's */
    NO_MATCHING_APP,
    /** another branch, a tag or a deleted branch */
    IGNORED,
    /** missing or wrong signature, or no secret set: nothing was read from the body */
    REFUSED
}
