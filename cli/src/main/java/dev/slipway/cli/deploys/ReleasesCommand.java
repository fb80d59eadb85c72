package dev.slipway.cli.deploys;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.core.type.TypeReference;

@Command(name = "releases", header = "List the releases of an app in an environment",
        description = "List the releases of APP in ENV, newest first: image, how each rollout"
        + " ended, which one runs. The numbers are what 'slipway rollback --to' takes.")
public final class ReleasesCommand extends ApiCommand {

    @Mixin
    Target target;

    ReleasesCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().get(target.path("/releases"));
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        List<Api.ReleaseEntry> releases = response.read(new TypeReference<List<Api.ReleaseEntry>>() { });
        if (releases.isEmpty()) {
            err().println("No releases of " + target.app() + " in " + target.environment() + " yet.");
            return ExitCodes.OK;
        }
        out().print(table(releases, context.clock().instant()).render());
        return ExitCodes.OK;
    }

    static Table table(List<Api.ReleaseEntry> releases, Instant now) {
        Table table = Table.of("RELEASE", "IMAGE", "OUTCOME", "RUNNING", "CONFIG", "BY", "CREATED", "NOTE");
        for (Api.ReleaseEntry entry : releases) {
            Api.Release r = entry.release();
            table.row("v" + r.number(), r.image(), entry.outcome(), entry.running() ? "yes" : "", entry.config() == null
                    ? null : "v" + entry.config(), r.createdBy(), Text.relative(r.createdAt(), now),
                    r.rollbackOf() == null ? null : "rollback to v" + r.rollbackOf());
        }
        return table;
    }
}
