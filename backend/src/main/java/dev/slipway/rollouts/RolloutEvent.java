package dev.slipway.rollouts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a rollout's timeline: a decision and its reason, or a user's command. */
@Entity
@Table(name = "rollout_events")
class RolloutEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rollout_id", nullable = false, updatable = false)
    private long rolloutId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, String> details;

    protected RolloutEvent() {
    }

    RolloutEvent(long rolloutId, Instant occurredAt, Note note) {
        this.rolloutId = rolloutId;
        this.occurredAt = occurredAt;
        this.kind = note.kind();
        this.message = note.message().length() > 2000 ? note.message().substring(0, 2000) : note.message();
        this.details = Map.copyOf(note.details());
    }

    RolloutEventView toView() {
        return new RolloutEventView(occurredAt, kind, message, details);
    }
}
