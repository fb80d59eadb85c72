package dev.slipway.cli.deploys;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.Durations;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollout", header = "Show a rollout: status [--watch]",
        mixinStandardHelpOptions = true, description = "Look at the rollouts of an app in an environment.",
        subcommands = RolloutCommand.Status.class)
public final class RolloutCommand {

    @Command(name = "status", header = "Show what runs and the latest rollout [--watch]", description = {
        "Show what runs of APP in ENV and its latest rollout: phase, canary step and weight, blue-green stage, pods"
                + " and the timeline of every decision with its reason.",
        "--watch then prints each new timeline entry and each change as it happens, like 'kubectl argo rollouts get"
                + " rollout --watch', and ends when the rollout ends: exit code 0 when it succeeded, 1 when it was"
                + " rolled back, aborted or failed. With -o json, --watch prints the final status only."})
    public static final class Status extends ApiCommand {

        @Mixin
        Target target;

        @Option(names = {"-w", "--watch"}, description = "follow the rollout until it ends")
        boolean watch;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.Converter.class, defaultValue = "0",
                description = "with --watch: stop watching after this long with exit code 3 (default: no limit)")
        Duration timeout;

        Status(Context context) {
            super(context);
        }

        @Override
        protected int execute() throws InterruptedException {
            SlipwayClient.Response response = client().get(target.path(""));
            Api.EnvironmentStatus status = response.read(Api.EnvironmentStatus.class);
            Api.Rollout rollout = status.rollout();
            if (!json()) {
                out().print(RolloutText.status(target.app(), status, context.clock().instant(), context.zone()));
            }
            if (!watch || rollout == null) {
                if (json()) {
                    printJson(response);
                }
                return ExitCodes.OK;
            }
            Api.Rollout ended = rollout;
            if (rollout.active()) {
                progress().println("Watching rollout " + rollout.id() + " (Ctrl-C stops watching, not the rollout):");
                ended = new RolloutWatch(context, target, progress()).follow(rollout.id(),
                        rollout.eventsOrEmpty().size(), timeout);
            }
            if (json()) {
                printJson(client().get(target.path("")));
            }
            String sentence = RolloutText.ended(target.app(), target.environment(), ended);
            int code = ExitCodes.forRolloutPhase(ended.phase());
            (code == ExitCodes.OK ? progress() : err()).println(code == ExitCodes.OK ? sentence : "error: " + sentence);
            return code;
        }
    }
}
