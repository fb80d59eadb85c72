package dev.slipway.cli.deploys;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "promote", header = "Move a canary or blue-green rollout on [--full]", description = {
    "Move the rollout of APP in ENV on: a canary ends its current step (a pause, an analysis) and goes on with the"
            + " next; a blue-green rollout switches traffic to the new slot.",
    "With --full a canary skips its remaining steps and analyses, and the stable Deployment takes the release."})
public final class PromoteCommand extends ApiCommand {

    @Mixin
    Target target;

    @Option(names = "--full", description = "skip the remaining steps and analyses")
    boolean full;

    PromoteCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().post(target.path(full ? "/rollout/promote-full" : "/rollout/promote"),
                Map.of());
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        Api.Rollout rollout = response.read(Api.Rollout.class);
        out().println("Promoted" + (full ? " fully" : "") + " v" + rollout.release() + " of " + target.app() + " in "
                + target.environment() + ": " + RolloutText.progress(rollout, null) + ".");
        return ExitCodes.OK;
    }
}
