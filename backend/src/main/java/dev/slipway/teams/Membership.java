package dev.slipway.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "memberships")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    private long teamId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TeamRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(long teamId, long userId, TeamRole role, Instant now) {
        this.teamId = teamId;
        this.userId = userId;
        this.role = role;
        this.createdAt = now;
    }

    long teamId() {
        return teamId;
    }

    long userId() {
        return userId;
    }

    TeamRole role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(TeamRole role) {
        this.role = role;
    }
}
