package dev.slipway.cli.deploys;

import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a rollout reads on a terminal, after {@code kubectl argo rollouts get rollout}. Pure functions. */
final class RolloutText {

    private static final int KIND_WIDTH = 13;

    private RolloutText() {
    }

    /** Everything about an app in one environment: what runs, the latest rollout, its pods and timeline. */
    static String status(String app, Api.EnvironmentStatus status, Instant now, ZoneId zone) {
        List<String[]> fields = new ArrayList<>();
        Api.Environment environment = status.environment();
        fields.add(field("App", app));
        fields.add(field("Environment", environment.name() + (environment.simulated()
                ? " (sandbox: simulated, nothing really runs)" : " (cluster " + environment.cluster() + ")")
                + (environment.protectedEnvironment() ? ", protected" : "")));
        fields.add(field("Namespace", status.namespace()));
        Api.Running running = status.running();
        fields.add(field("Running", running == null ? "nothing yet"
                : "v" + running.release().number() + "  " + running.release().image() + "  since "
                        + Text.dateTime(running.since(), zone) + " (" + Text.relative(running.since(), now) + ")"
                        + (running.slot() == null ? "" : ", slot " + running.slot())));
        Api.Rollout rollout = status.rollout();
        if (rollout != null) {
            fields.add(field("Rollout", "#" + rollout.id() + "  v" + rollout.release()
                    + (rollout.stableRelease() == null ? "" : " from v" + rollout.stableRelease()) + "  "
                    + rollout.strategy() + (rollout.fastTrack() ? " (fast-tracked: no steps)" : "")
                    + "  started by " + rollout.startedBy() + " " + Text.relative(rollout.startedAt(), now)));
            fields.add(field("Phase", rollout.phase() + (rollout.held() ? "  (held: promote or abort it)" : "")));
            if (rollout.reason() != null) {
                fields.add(field("Reason", rollout.reason()));
            }
            if (rollout.canary() != null) {
                Api.Canary canary = rollout.canary();
                fields.add(field("Step", step(canary) + "   (steps: " + String.join(", ", canary.steps()) + ")"));
                if (rollout.active()) {
                    fields.add(field("Weight", canary.weight() + "%  (" + canary.canaryPods() + " canary "
                            + pods(canary.canaryPods()) + ", " + canary.stablePods() + " stable: "
                            + canary.actualWeight() + "% by pods)"));
                }
            }
            if (rollout.blueGreen() != null) {
                Api.BlueGreen blueGreen = rollout.blueGreen();
                fields.add(field("Stage", blueGreen.stage() + "  (new slot " + blueGreen.newSlot()
                        + (blueGreen.activeSlot() == null ? "" : ", active slot " + blueGreen.activeSlot())
                        + (blueGreen.switched() ? ", traffic switched" : ", traffic not switched yet") + ")"));
            }
        } else {
            fields.add(field("Rollout", "none yet"));
        }
        Api.Live live = status.live();
        if (live != null && live.deployed()) {
            fields.add(field("Replicas", replicas(live)));
        }
        StringBuilder out = new StringBuilder();
        int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0) + 2;
        fields.forEach(f -> out.append(f[0]).append(" ".repeat(width - f[0].length())).append(Text.clean(f[1]))
                .append('\n'));
        if (live != null && live.pods() != null && !live.pods().isEmpty()) {
            out.append("Pods:\n");
            Table pods = Table.of("NAME", "RELEASE", "PHASE", "READY", "RESTARTS", "WAITING");
            live.pods().forEach(p -> pods.row(p.name(), p.release() == null ? null : "v" + p.release(), p.phase(),
                    p.ready() ? "yes" : "no", p.restarts(), p.waitingReason()));
            pods.render().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        if (rollout != null && !rollout.eventsOrEmpty().isEmpty()) {
            out.append("Timeline:\n");
            rollout.eventsOrEmpty().forEach(e -> out.append("  ").append(event(e, zone)).append('\n'));
        }
        return out.toString();
    }

    /** One timeline entry: time, kind, message. */
    static String event(Api.Event event, ZoneId zone) {
        return line(Text.clock(event.at(), zone), event.kind(), event.message());
    }

    /** A line in the timeline's columns for what the command itself noticed, such as a change of phase. */
    static String note(Instant at, ZoneId zone, String kind, String message) {
        return line(Text.clock(at, zone), kind, message);
    }

    private static String line(String time, String kind, String message) {
        String k = Text.clean(kind == null ? "" : kind);
        return time + "  " + k + " ".repeat(Math.max(1, KIND_WIDTH - k.length()))
                + Text.clean(message == null ? "" : message);
    }

    /**
     * Where a rollout stands in one line, for watching: phase, step, weight, stage and pods. It changes
     * when something worth a line changed.
     */
    static String progress(Api.Rollout rollout, Api.Live live) {
        List<String> parts = new ArrayList<>();
        parts.add(rollout.phase());
        if (rollout.canary() != null) {
            parts.add("step " + step(rollout.canary()));
            parts.add("weight " + rollout.canary().weight() + "%");
        }
        if (rollout.blueGreen() != null) {
            parts.add("stage " + rollout.blueGreen().stage());
        }
        if (live != null && live.deployed()) {
            parts.add(replicas(live));
        }
        return String.join(", ", parts);
    }

    /** "2/3 pause" for the step being carried out; "done" once the stable Deployment takes over. */
    static String step(Api.Canary canary) {
        int total = canary.steps() == null ? 0 : canary.steps().size();
        if (canary.current() >= total) {
            return total + "/" + total + " done, the stable Deployment takes the release";
        }
        return (canary.current() + 1) + "/" + total + " " + canary.steps().get(canary.current());
    }

    static String replicas(Api.Live live) {
        return "pods: " + live.desired() + " desired, " + live.updated() + " updated, " + live.ready() + " ready, "
                + live.available() + " available";
    }

    /** How a finished rollout ended, in a sentence that names the release, the app and the environment. */
    static String ended(String app, String environment, Api.Rollout rollout) {
        String what = "v" + rollout.release() + " of " + app + " in " + environment;
        String reason = rollout.reason() == null ? "" : ": " + rollout.reason();
        String stable = rollout.stableRelease() == null ? "" : " v" + rollout.stableRelease();
        return switch (rollout.phase().toUpperCase(Locale.ROOT)) {
            case "SUCCEEDED" -> what + " is rolled out: the rollout succeeded.";
            case "ROLLED_BACK" -> what + " was rolled back" + (stable.isEmpty() ? "" : " to" + stable) + reason;
            case "ABORTED" -> what + " was aborted" + (stable.isEmpty() ? "" : ";" + stable + " runs again") + reason;
            case "SUPERSEDED" -> what + " was superseded by a newer deploy before it finished.";
            case "FAILED" -> what + " failed" + reason;
            default -> what + " is " + rollout.phase() + reason;
        };
    }

    private static String[] field(String name, String value) {
        return new String[] {name + ":", value == null ? "-" : value};
    }

    private static String pods(int count) {
        return count == 1 ? "pod" : "pods";
    }
}
