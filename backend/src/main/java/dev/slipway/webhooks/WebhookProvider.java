package dev.slipway.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The git providers whose push webhooks Slipway understands, by the path segment of their URL. */
public enum WebhookProvider {
    GITHUB("github", "X-GitHub-Event", "X-GitHub-Delivery"),
    GITLAB("gitlab", "X-Gitlab-Event", "X-Gitlab-Event-UUID"),
    GITEA("gitea", "X-Gitea-Event", "X-Gitea-Delivery");

    private final String path;
    private final String eventHeader;
    private final String deliveryHeader;

    WebhookProvider(String path, String eventHeader, String deliveryHeader) {
        this.path = path;
        this.eventHeader = eventHeader;
        this.deliveryHeader = deliveryHeader;
    }

    public String path() {
        return path;
    }

    String eventHeader() {
        return eventHeader;
    }

    String deliveryHeader() {
        return deliveryHeader;
    }

    static Optional<WebhookProvider> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }
}
