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

/**
 * One row per delivery, whatever became of it; read here, written by {@link WebhookStore}. Only a
 * pending push changes, once, when its build is queued. The kept request (headers and body) is not mapped:
 * lists never load it, and {@link WebhookStore#request} reads it for the one delivery shown.
 */
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

    @Column(name = "body_size", updatable = false)
    private @Nullable Integer bodySize;

    @Column(name = "redelivery_of", updatable = false)
    private @Nullable Long redeliveryOf;

    @Column(name = "redelivered_by", updatable = false)
    private @Nullable String redeliveredBy;

    protected WebhookDelivery() {
    }

    DeliveryView toView() {
        return new DeliveryView(id, provider, deliveryId, event, repository, ref, commit, outcome, reason, buildNumber,
                receivedAt, redeliveryOf, redeliveredBy);
    }

    long id() {
        return id;
    }

    long appId() {
        return appId;
    }

    WebhookProvider provider() {
        return provider;
    }

    String event() {
        return event;
    }

    DeliveryOutcome outcome() {
        return outcome;
    }

    String reason() {
        return reason;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    @Nullable Integer bodySize() {
        return bodySize;
    }
}
