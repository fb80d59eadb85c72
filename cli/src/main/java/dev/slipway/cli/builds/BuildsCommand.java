package dev.slipway.cli.builds;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.type.TypeReference;

@Command(name = "builds", header = "List the builds of an app",
        description = "List the builds of APP, newest first: status, branch, commit, who or what"
        + " started it and how long it took. 'slipway build log APP N' shows one's output.")
public final class BuildsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "the app's name")
    String app;

    BuildsCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().get(SlipwayClient.path("/api/v1/apps/{}/builds", app));
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        List<Api.Build> builds = response.read(new TypeReference<List<Api.Build>>() { });
        if (builds.isEmpty()) {
            err().println("No builds of " + app + " yet.");
            return ExitCodes.OK;
        }
        out().print(table(builds, context.clock().instant()).render());
        return ExitCodes.OK;
    }

    static Table table(List<Api.Build> builds, Instant now) {
        Table table = Table.of("BUILD", "STATUS", "BRANCH", "COMMIT", "MESSAGE", "TRIGGER", "BY", "CREATED", "TOOK");
        for (Api.Build b : builds) {
            table.row("#" + b.number(), b.status(), b.branch(), b.commit() == null ? null
                    : b.commit().substring(0, Math.min(7, b.commit().length())), b.message() == null ? null
                    : Text.shorten(b.message(), 40), b.trigger(), b.requestedBy(), Text.relative(b.createdAt(), now),
                    b.startedAt() == null || b.finishedAt() == null ? null
                            : Text.span(Duration.between(b.startedAt(), b.finishedAt())));
        }
        return table;
    }
}
