package dev.slipway.apps;

import dev.slipway.teams.TeamRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "apps")
class App {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "team_id", nullable = false)
    private long teamId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    private AppSource source;

    @Column(name = "repository_url")
    private @Nullable String repositoryUrl;

    private @Nullable String branch;

    private @Nullable String image;

    @Column(nullable = false)
    private int port;

    @Column(name = "liveness_path", nullable = false)
    private String livenessPath;

    @Column(name = "readiness_path", nullable = false)
    private String readinessPath;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected App() {
    }

    App(long teamId, String name, Instant now) {
        this.teamId = teamId;
        this.name = name;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long teamId() {
        return teamId;
    }

    String name() {
        return name;
    }

    /** Applies already validated settings. */
    void apply(AppSettings settings, Instant now) {
        this.description = settings.description();
        this.source = settings.source();
        this.repositoryUrl = settings.repositoryUrl();
        this.branch = settings.branch();
        this.image = settings.image();
        this.port = settings.port();
        this.livenessPath = settings.livenessPath();
        this.readinessPath = settings.readinessPath();
        this.updatedAt = now;
    }

    AppSettings settings() {
        return new AppSettings(description, source, repositoryUrl, branch, image, port, livenessPath, readinessPath);
    }

    AppView toView(String teamName, TeamRole yourRole) {
        return new AppView(name, teamName, description, source, repositoryUrl, branch, image, port, livenessPath,
                readinessPath, createdAt, updatedAt, yourRole);
    }

    AppSummary toSummary(String teamName) {
        return new AppSummary(name, teamName, description, source,
                source == AppSource.GIT ? repositoryUrl + " (" + branch + ")" : String.valueOf(image), updatedAt);
    }
}
