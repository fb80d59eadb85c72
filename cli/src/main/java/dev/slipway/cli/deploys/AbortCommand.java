package dev.slipway.cli.deploys;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "abort", header = "Stop a rollout and put the stable release back",
        description = "Stop the rollout in flight of APP in ENV and put the stable release back at"
        + " once (all traffic to it). 'slipway rollout status APP ENV --watch' shows it go back.")
public final class AbortCommand extends ApiCommand {

    @Mixin
    Target target;

    AbortCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().post(target.path("/rollout/abort"), Map.of());
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        Api.Rollout rollout = response.read(Api.Rollout.class);
        out().println("Aborted v" + rollout.release() + " of " + target.app() + " in " + target.environment()
                + (rollout.stableRelease() == null ? "" : ": v" + rollout.stableRelease() + " takes all traffic again")
                + " (" + rollout.phase() + ").");
        return ExitCodes.OK;
    }
}
