package dev.slipway.webhooks;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.GitTarget;
import dev.slipway.builds.BuildService;
import dev.slipway.webhooks.WebhookService.Receipt;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a verified delivery leads to, and how each answer is stored once. The event header decides: a push
 * is read and may build, GitHub's ping is answered, every other event is recorded as ignored without a
 * byte of its body being read. Used for deliveries as they arrive and for redeliveries alike.
 *
 * <p>Reasons are written as sentences that start with a word of Slipway's own, never with something the
 * provider sent, so that a ref or branch name is shown exactly as it was pushed.
 */
@Component
class DeliveryHandling {

    private static final String UNKNOWN_EVENT = "unknown";

    private final WebhookStore store;
    private final BuildService builds;
    private final PendingPushes pending;
    private final OldRequests oldRequests;

    DeliveryHandling(WebhookStore store, BuildService builds, PendingPushes pending, OldRequests oldRequests) {
        this.store = store;
        this.builds = builds;
        this.pending = pending;
        this.oldRequests = oldRequests;
    }

    /** A delivery as it arrives from the provider; nothing is stored until it is answered. */
    Delivery arrived(AppRef app, WebhookProvider provider, WebhookRequest request, Instant at) {
        return new Delivery(app, row(app, provider, request, at, provider.deliveryId(request.headers()), null, null));
    }

    /**
     * A delivery processed again on a user's request: a new delivery that names the one it repeats. It has
     * no delivery id of its own, so it is never taken for the provider's repeat of the original.
     */
    Delivery redelivery(AppRef app, WebhookProvider provider, WebhookRequest request, Instant at, long original,
                        String by) {
        return new Delivery(app, row(app, provider, request, at, null, original, by));
    }

    private static WebhookStore.NewDelivery row(AppRef app, WebhookProvider provider, WebhookRequest request, Instant at,
                                                @Nullable String deliveryId, @Nullable Long redeliveryOf,
                                                @Nullable String redeliveredBy) {
        String event = Optional.ofNullable(provider.event(request.headers())).orElse(UNKNOWN_EVENT);
        return new WebhookStore.NewDelivery(app.id(), provider, deliveryId, event, at,
                StoredRequests.json(StoredRequests.redacted(request.headers())), request.body(), request.body().length,
                redeliveryOf, redeliveredBy);
    }

    /** Answers a verified delivery by its event: a push may build, a ping is answered, the rest is ignored. */
    Receipt process(Delivery delivery, GitTarget target, WebhookRequest request) {
        WebhookProvider provider = delivery.row.provider();
        @Nullable String event = provider.event(request.headers());
        return switch (provider.kind(event)) {
            case PING -> delivery.answer(200, null, DeliveryOutcome.PING, "hook works", "Slipway received the ping for "
                    + target.app().name() + ".");
            case OTHER -> delivery.accept(null, DeliveryOutcome.IGNORED, event == null
                    ? "Ignored a delivery without an " + provider.eventHeader() + " header: Slipway builds on "
                            + provider.pushEventsText() + ", which the provider names in that header"
                    : "Ignored a '" + event + "' event: Slipway builds on " + provider.pushEventsText());
            case PUSH -> push(delivery, target, request);
        };
    }

    private Receipt push(Delivery delivery, GitTarget target, WebhookRequest request) {
        WebhookProvider provider = delivery.row.provider();
        Optional<byte[]> document = request.document();
        if (document.isEmpty()) {
            return delivery.accept(null, DeliveryOutcome.IGNORED, "The push came as a form without a 'payload' field,"
                    + " where the provider puts the event's JSON; set the hook's content type to application/json");
        }
        Optional<PushEvent> push = PushEvent.parse(provider, document.get());
        if (push.isEmpty()) {
            return delivery.accept(null, DeliveryOutcome.IGNORED, "The push's body is not the JSON of a push event (an"
                    + " object with a ref); set the hook's content type to application/json and send push events");
        }
        PushEvent pushed = push.get();
        String app = target.app().name();
        if (target.repositoryUrl() == null || target.branch() == null) {
            return delivery.accept(pushed, DeliveryOutcome.NO_MATCHING_APP, "No matching app: " + app + " deploys"
                    + " images built elsewhere and has no repository to build");
        }
        if (!pushed.isFor(target.repositoryUrl())) {
            return delivery.accept(pushed, DeliveryOutcome.NO_MATCHING_APP, "No matching app: the push is for "
                    + String.join(" / ", pushed.repositoryUrls()) + ", but " + app + " builds " + target.repositoryUrl());
        }
        Optional<String> branch = pushed.branch();
        if (branch.isEmpty()) {
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, (pushed.tag() ? "Tag " : "Ref ") + pushed.ref()
                    + " is not built; " + app + " builds pushes to its branch " + target.branch());
        }
        if (pushed.deletesTheBranch()) {
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, "Branch " + branch.get() + " was deleted; there is"
                    + " nothing to build");
        }
        if (!branch.get().equals(target.branch())) {
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, "Branch " + branch.get() + " is not built; " + app
                    + " builds " + target.branch());
        }
        if (!String.valueOf(pushed.commit()).matches("[0-9a-f]{40}")) {
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, "Commit " + pushed.commit() + " is not a SHA-1"
                    + " commit id, which is what Slipway builds");
        }
        Optional<String> unavailable = builds.unavailableBecause();
        if (unavailable.isPresent()) {
            return delivery.accept(pushed, DeliveryOutcome.NOT_BUILT, unavailable.get());
        }
        return delivery.answer(202, pushed, DeliveryOutcome.BUILD_PENDING, "build pending", "Push of "
                + pushed.commit() + " to " + branch.get() + " received; Slipway queues its build in a moment. The app's"
                + " webhook deliveries show the build's number.");
    }

    /** One delivery being answered: each answer is stored once, or turns into a duplicate's. */
    final class Delivery {
        private final AppRef app;
        private final WebhookStore.NewDelivery row;

        private Delivery(AppRef app, WebhookStore.NewDelivery row) {
            this.app = app;
            this.row = row;
        }

        Receipt refuse(String why) {
            // a refusal never counts as the delivery's one time (the unique index leaves it out), so a
            // redelivery after the secret is fixed goes through; its body came from anyone and is not kept
            WebhookStore.NewDelivery unverified = new WebhookStore.NewDelivery(row.appId(), row.provider(),
                    row.deliveryId(), row.event(), row.receivedAt(), row.headers(), null, row.bodySize(),
                    row.redeliveryOf(), row.redeliveredBy());
            long id = store(unverified, null, DeliveryOutcome.REFUSED, why).orElseThrow();
            return new Receipt(401, DeliveryOutcome.REFUSED, "Refused: " + why + ".", null, id);
        }

        Receipt accept(@Nullable PushEvent pushed, DeliveryOutcome outcome, String why) {
            return answer(202, pushed, outcome, why, why.endsWith(".") ? why : why + ".");
        }

        Receipt answer(int status, @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, String message) {
            Optional<Long> stored = store(row, pushed, outcome, why);
            if (stored.isPresent()) {
                if (outcome == DeliveryOutcome.BUILD_PENDING) {
                    pending.wake();
                }
                return new Receipt(status, outcome, message, null, stored.get());
            }
            long duplicate = store(row, pushed, DeliveryOutcome.DUPLICATE, "Delivery " + row.deliveryId()
                    + " was received before").orElseThrow();
            return new Receipt(202, DeliveryOutcome.DUPLICATE, "Delivery " + row.deliveryId() + " was already received;"
                    + " it is not processed again.", null, duplicate);
        }

        private Optional<Long> store(WebhookStore.NewDelivery stored, @Nullable PushEvent pushed,
                                     DeliveryOutcome outcome, String why) {
            Optional<Long> id = DeliveryHandling.this.store.storeOnce(stored, pushed == null ? null : first(pushed),
                    pushed == null ? null : pushed.ref(), pushed == null ? null : pushed.commit(), outcome, why);
            if (id.isPresent()) {
                oldRequests.received(app.id());
            }
            return id;
        }
    }

    private static @Nullable String first(PushEvent pushed) {
        return pushed.repositoryUrls().isEmpty() ? null : pushed.repositoryUrls().getFirst();
    }
}
