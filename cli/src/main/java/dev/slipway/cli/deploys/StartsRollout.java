package dev.slipway.cli.deploys;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.Durations;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that starts a rollout (deploy, rollback) and, with --wait, follows it to its end. */
abstract class StartsRollout extends ApiCommand {

    @Mixin
    Target target;

    @Option(names = "--wait", description = "follow the rollout and exit when it ends: 0 when it succeeded, 1 when it"
            + " was rolled back, aborted or failed (with the reason), 3 when --timeout ran out first")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "with --wait: how long to wait at most, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}; 0 waits"
                    + " without limit)", defaultValue = "15m")
    Duration timeout;

    StartsRollout(Context context) {
        super(context);
    }

    @Spec
    CommandSpec spec;

    /** Checks the options that only make sense together; before anything is sent. */
    void checkWaitOptions() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--timeout") && !waitForEnd) {
            throw CliException.usage("--timeout limits --wait; add --wait, or leave --timeout out");
        }
    }

    /**
     * Reports a rollout Slipway just accepted: at once, or after following it to its end with --wait.
     *
     * @param started the API's answer (202 with the rollout)
     * @param what    what started, e.g. "Deploying nginx:1.27"
     */
    int report(SlipwayClient.Response started, String what) throws InterruptedException {
        Api.Rollout rollout = started.read(Api.Rollout.class);
        String header = what + " as v" + rollout.release() + " of " + target.app() + " in " + target.environment()
                + (rollout.stableRelease() == null ? "" : " (replacing v" + rollout.stableRelease() + ")")
                + ", rollout " + rollout.id() + ".";
        if (!waitForEnd) {
            if (json()) {
                printJson(started);
            } else {
                out().println(header);
                out().println("Follow it with: slipway rollout status " + target.app() + " " + target.environment()
                        + " --watch");
            }
            return ExitCodes.OK;
        }
        progress().println(header);
        rollout.eventsOrEmpty().forEach(e -> progress().println(RolloutText.event(e, context.zone())));
        Api.Rollout ended = new RolloutWatch(context, target, progress())
                .follow(rollout.id(), rollout.eventsOrEmpty().size(), timeout);
        if (json()) {
            printJson(client().get(target.path("/rollouts/" + rollout.id())));
        }
        String sentence = RolloutText.ended(target.app(), target.environment(), ended);
        int code = ExitCodes.forRolloutPhase(ended.phase());
        if (code == ExitCodes.OK) {
            progress().println(sentence);
        } else {
            err().println("error: " + sentence);
        }
        return code;
    }
}
