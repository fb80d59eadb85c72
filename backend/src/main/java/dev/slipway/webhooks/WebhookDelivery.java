package dev.slipway.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Append-only: one row per delivery, whatever became of it. */
@Entity
@Table(name = "webhook_deliveries")
class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WebhookProvider provider;

    @Column(name = "delivery_id", updatable = false)
    private @Nullable String deliveryId;

    @Column(nullable = false, updatable = false)
    private String event;

    @Column(updatable = false)
    private @Nullable String repository;

    @Column(updatable = false)
    private @Nullable String ref;

    @Column(name = "commit_sha", updatable = false)
    private @Nullable String commit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DeliveryOutcome outcome;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "build_number", updatable = false)
    private @Nullable Integer buildNumber;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long appId, WebhookProvider provider, @Nullable String deliveryId, String event,
                    @Nullable String repository, @Nullable String ref, @Nullable String commit, DeliveryOutcome outcome,
                    String reason, @Nullable Integer buildNumber, Instant receivedAt) {
        this.appId = appId;
        this.provider = provider;
        this.deliveryId = cut(deliveryId, 100);
        this.event = String.valueOf(cut(event, 64));
        this.repository = cut(repository, 2048);
        this.ref = cut(ref, 255);
        this.commit = commit != null && commit.matches("[0-9a-f]{40}") ? commit : null;
        this.outcome = outcome;
        this.reason = String.valueOf(cut(reason, 1000));
        this.buildNumber = buildNumber;
        this.receivedAt = receivedAt;
    }

    DeliveryView toView() {
        return new DeliveryView(id, provider, deliveryId, event, repository, ref, commit, outcome, reason, buildNumber,
                receivedAt);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
