package dev.slipway.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "teams")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Team() {
    }

    Team(String name, String displayName, String description, Instant now) {
        this.name = name;
        this.displayName = displayName;
        this.description = description;
        this.createdAt = now;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    String displayName() {
        return displayName;
    }

    String description() {
        return description;
    }

    void change(String displayName, String description, Instant now) {
        this.displayName = displayName;
        this.description = description;
        this.updatedAt = now;
    }

    TeamRef toRef() {
        return new TeamRef(id, name);
    }

    TeamView toView(@Nullable TeamRole yourRole, long members) {
        return new TeamView(name, displayName, description, createdAt, yourRole, members);
    }
}
