package dev.slipway.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The git providers whose push webhooks Slipway understands, by the path segment of their URL, with the
 * headers each names its event and delivery in. The event header decides what a delivery is; the body
 * is read only for a push.
 */
public enum WebhookProvider {
    /** push and ping; every other event (pull_request, create, delete, ...) is ignored */
    GITHUB("github", List.of("X-GitHub-Event"), List.of("X-GitHub-Delivery"), List.of("push"), "push events"),
    /** GitLab names its events "Push Hook", "Tag Push Hook", "Merge Request Hook", ...; it has no ping */
    GITLAB("gitlab", List.of("X-Gitlab-Event"), List.of("X-Gitlab-Event-UUID"), List.of("Push Hook", "Tag Push Hook"),
            "push events (Push Hook and Tag Push Hook)"),
    /**
     * Gitea and Forgejo. Forgejo sends X-Forgejo-*, X-Gitea-*, X-Gogs-* and X-GitHub-* headers with the same
     * values, Gitea all but the first; the first one present is read. Their "test delivery" is a push.
     */
    GITEA("gitea", List.of("X-Forgejo-Event", "X-Gitea-Event", "X-Gogs-Event"),
            List.of("X-Forgejo-Delivery", "X-Gitea-Delivery", "X-Gogs-Delivery"), List.of("push"), "push events");

    /** What a delivery asks of Slipway, by its event header. */
    enum EventKind {
        PUSH, PING, OTHER
    }

    private final String path;
    private final List<String> eventHeaders;
    private final List<String> deliveryHeaders;
    private final List<String> pushEvents;
    private final String pushEventsText;

    WebhookProvider(String path, List<String> eventHeaders, List<String> deliveryHeaders, List<String> pushEvents,
                    String pushEventsText) {
        this.path = path;
        this.eventHeaders = eventHeaders;
        this.deliveryHeaders = deliveryHeaders;
        this.pushEvents = pushEvents;
        this.pushEventsText = pushEventsText;
    }

    public String path() {
        return path;
    }

    /** The header that names the event, as messages name it (Forgejo's or Gitea's for Gitea). */
    String eventHeader() {
        return String.join(" or ", eventHeaders.subList(0, Math.min(2, eventHeaders.size())));
    }

    /** The event the delivery names, or null when it names none. */
    @Nullable String event(HttpHeaders headers) {
        return first(headers, eventHeaders);
    }

    /** The provider's id of this delivery, which it repeats when it sends the delivery again. */
    @Nullable String deliveryId(HttpHeaders headers) {
        return first(headers, deliveryHeaders);
    }

    EventKind kind(@Nullable String event) {
        if (event == null) {
            return EventKind.OTHER;
        }
        if (pushEvents.stream().anyMatch(event::equalsIgnoreCase)) {
            return EventKind.PUSH;
        }
        return this == GITHUB && event.equalsIgnoreCase("ping") ? EventKind.PING : EventKind.OTHER;
    }

    /** The events that build, for the message that answers any other. */
    String pushEventsText() {
        return pushEventsText;
    }

    static Optional<WebhookProvider> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    private static @Nullable String first(HttpHeaders headers, List<String> names) {
        for (String name : names) {
            String value = headers.getFirst(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
