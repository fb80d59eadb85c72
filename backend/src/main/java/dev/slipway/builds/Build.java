package dev.slipway.builds;

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
@Table(name = "builds")
class Build {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BuildStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BuildTrigger trigger;

    @Column(nullable = false, updatable = false)
    private String branch;

    @Column(name = "requested_commit", updatable = false)
    private @Nullable String requestedCommit;

    @Column(name = "commit_sha")
    private @Nullable String commitSha;

    @Column(name = "commit_author")
    private @Nullable String commitAuthor;

    @Column(name = "commit_message")
    private @Nullable String commitMessage;

    private @Nullable String image;

    private @Nullable String digest;

    private @Nullable String reason;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "heartbeat_at")
    private @Nullable Instant heartbeatAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Version
    private long version;

    protected Build() {
    }

    Build(long appId, int number, BuildTrigger trigger, String branch, @Nullable String requestedCommit,
          String requestedBy, Instant createdAt) {
        this.appId = appId;
        this.number = number;
        this.status = BuildStatus.QUEUED;
        this.trigger = trigger;
        this.branch = branch;
        this.requestedCommit = requestedCommit;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    void started(Instant at) {
        status = BuildStatus.RUNNING;
        startedAt = at;
        heartbeatAt = at;
    }

    void checkedOut(String sha, String author, String message) {
        commitSha = sha;
        commitAuthor = author.length() > 255 ? author.substring(0, 255) : author;
        commitMessage = message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    void succeeded(String image, String digest, Instant at) {
        this.image = image;
        this.digest = digest;
        finish(BuildStatus.SUCCEEDED, null, at);
    }

    void finish(BuildStatus outcome, @Nullable String why, Instant at) {
        status = outcome;
        reason = why == null || why.length() <= 2000 ? why : why.substring(0, 2000);
        finishedAt = at;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    BuildView toView(String app) {
        return new BuildView(id, app, number, status, trigger, branch, requestedCommit, commitSha, commitAuthor,
                commitMessage, image, digest, reason, requestedBy, createdAt, startedAt, finishedAt);
    }

    long id() {
        return id;
    }

    long appId() {
        return appId;
    }

    int number() {
        return number;
    }

    BuildStatus status() {
        return status;
    }

    String branch() {
        return branch;
    }

    @Nullable String requestedCommit() {
        return requestedCommit;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }
}
