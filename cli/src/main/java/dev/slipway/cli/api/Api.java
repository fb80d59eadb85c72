package dev.slipway.cli.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of the REST API's answers that the command line shows in its tables. Only what is shown is
 * read, and unknown fields are ignored, so a newer server does not break an older client; {@code -o json}
 * prints the answer itself, not these.
 */
public final class Api {

    private Api() {
    }

    /** GET /api/v1/me */
    public record User(String username, String displayName, boolean platformAdmin) {
    }

    /** One page of a list answer. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A line of GET /api/v1/apps */
    public record AppSummary(String name, String team, String description, String source, String origin,
                             Instant updatedAt) {
    }

    /** GET .../environments/{env}: an app in one environment. */
    public record EnvironmentStatus(Environment environment, String namespace, Running running, Rollout rollout,
                                    Live live) {
    }

    public record Environment(String name, String cluster, String clusterKind, boolean protectedEnvironment) {

        public boolean simulated() {
            return "SANDBOX".equals(clusterKind);
        }
    }

    public record Running(Release release, Instant since, String slot) {
    }

    public record Release(int number, String image, String sandboxBehaviour, Integer rollbackOf, String createdBy,
                          Instant createdAt) {
    }

    /** A rollout with its timeline, oldest event first. */
    public record Rollout(long id, int release, Integer stableRelease, String strategy, String phase, boolean fastTrack,
                          String reason, String startedBy, Instant startedAt, Instant finishedAt, List<Event> events,
                          Canary canary, BlueGreen blueGreen, boolean held) {

        /** PROGRESSING, PAUSED and ROLLING_BACK are in flight; every other phase is where a rollout ends. */
        public boolean active() {
            return "PROGRESSING".equals(phase) || "PAUSED".equals(phase) || "ROLLING_BACK".equals(phase);
        }

        public List<Event> eventsOrEmpty() {
            return events == null ? List.of() : events;
        }
    }

    public record Event(Instant at, String kind, String message, Map<String, String> details) {
    }

    /**
     * @param current index of the step being carried out; steps.size() once the stable Deployment takes over
     */
    public record Canary(List<String> steps, int current, int weight, int canaryPods, int stablePods,
                         int actualWeight) {
    }

    public record BlueGreen(String activeSlot, String newSlot, String stage, boolean switched) {
    }

    public record Live(boolean simulated, boolean deployed, Integer release, int desired, int updated, int ready,
                       int available, boolean paused, List<Pod> pods) {
    }

    public record Pod(String name, Integer release, String phase, boolean ready, int restarts, String waitingReason) {
    }

    /** A line of GET .../releases */
    public record ReleaseEntry(Release release, String outcome, boolean running, Integer config) {
    }

    /** GET .../config */
    public record Config(String app, String environment, int version, Map<String, String> variables,
                         List<Secret> secrets, String updatedBy, Instant updatedAt) {
    }

    public record Secret(String name, int version, String setBy, Instant setAt) {
    }

    /** A build of an app. */
    public record Build(int number, String status, String trigger, String branch, String commit, String author,
                        String message, String image, String reason, String requestedBy, Instant createdAt,
                        Instant startedAt, Instant finishedAt) {

        public boolean finished() {
            return !"QUEUED".equals(status) && !"RUNNING".equals(status);
        }
    }

    /** GET .../builds/{n}/log?from=N */
    public record LogChunk(int from, int next, List<String> lines) {
    }

    /** GET .../builds/{n}/image?environment=E */
    public record BuildImage(String environment, String image) {
    }

    /** An API token as its owner sees it later: never the token itself. */
    public record Token(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                        Instant revokedAt, boolean readOnly) {
    }

    /** POST /api/v1/account/tokens: the secret is in this answer only. */
    public record CreatedToken(Token token, String secret) {

        @Override
        public String toString() {
            return "CreatedToken[" + token + "]";
        }
    }

    /** POST /api/v1/account/tokens/revoke-all */
    public record Revoked(int revoked) {
    }
}
