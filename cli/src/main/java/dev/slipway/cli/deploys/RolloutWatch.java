package dev.slipway.cli.deploys;

import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.Durations;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows one rollout until it ends, printing each new timeline entry and each change of phase, step,
 * weight or pods as it happens. It only reads: stopping the watch, or running out of time, leaves the
 * rollout going on in Slipway.
 */
final class RolloutWatch {

    static final Duration POLL = Duration.ofSeconds(1);

    private final Context context;
    private final SlipwayClient client;
    private final Target target;
    private final PrintStream progress;

    RolloutWatch(Context context, Target target, PrintStream progress) {
        this.context = context;
        this.client = context.client();
        this.target = target;
        this.progress = progress;
    }

    /**
     * @param rolloutId the rollout to follow
     * @param shown     timeline entries already printed
     * @param timeout   how long to wait at most; zero for no limit
     * @return the rollout as it ended
     * @throws CliException with {@link ExitCodes#TIMED_OUT} when the time ran out first
     */
    Api.Rollout follow(long rolloutId, int shown, Duration timeout) throws InterruptedException {
        Instant started = context.clock().instant();
        String lastProgress = null;
        boolean heldNoted = false;
        while (true) {
            Api.EnvironmentStatus status = client.get(target.path("")).read(Api.EnvironmentStatus.class);
            Api.Rollout rollout = status.rollout();
            Api.Live live = status.live();
            if (rollout == null || rollout.id() != rolloutId) {
                // a newer deploy took over the environment: this rollout is read on its own (SUPERSEDED)
                rollout = client.get(target.path("/rollouts/" + rolloutId)).read(Api.Rollout.class);
                live = null;
            }
            var events = rollout.eventsOrEmpty();
            for (int i = shown; i < events.size(); i++) {
                progress.println(RolloutText.event(events.get(i), context.zone()));
            }
            shown = Math.max(shown, events.size());
            String now = RolloutText.progress(rollout, live);
            if (!now.equals(lastProgress)) {
                progress.println(RolloutText.note(context.clock().instant(), context.zone(), "STATUS", now));
                lastProgress = now;
            }
            if (rollout.held() && !heldNoted) {
                progress.println(RolloutText.note(context.clock().instant(), context.zone(), "WAITING",
                        "until someone promotes it: slipway promote " + target.app() + " " + target.environment()
                                + " (or abort)"));
                heldNoted = true;
            }
            if (!rollout.active()) {
                return rollout;
            }
            Duration waited = Duration.between(started, context.clock().instant());
            if (!timeout.isZero() && waited.compareTo(timeout) >= 0) {
                throw new CliException(ExitCodes.TIMED_OUT, "Stopped waiting after " + Durations.format(timeout)
                        + ": v" + rollout.release() + " of " + target.app() + " in " + target.environment() + " is "
                        + now + ". The rollout goes on in Slipway; follow it with: slipway rollout status "
                        + target.app() + " " + target.environment() + " --watch");
            }
            context.sleeper().sleep(POLL);
        }
    }
}
