package dev.slipway.cli.apps;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "apps", header = "List the apps you can see", description = {
    "List the apps you can see, sorted by name: team, source (git or image) and when each last changed.",
    "With -o json: one array of the API's app summaries, every page joined."})
public final class AppsCommand extends ApiCommand {

    private static final int PAGE_SIZE = 100;

    @Option(names = "--team", paramLabel = "TEAM", description = "only the apps of this team")
    String team;

    @Option(names = {"-q", "--search"}, paramLabel = "TEXT", description = "only apps whose name or description holds"
            + " this text")
    String search;

    AppsCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = client().get(query(page)).tree();
            answer.path("items").values().forEach(items::add);
            if (answer.path("items").size() < PAGE_SIZE || items.size() >= answer.path("total").asLong(0)) {
                break;
            }
        }
        if (json()) {
            ArrayNode array = context.json().createArrayNode();
            items.forEach(array::add);
            out().println(context.json().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return ExitCodes.OK;
        }
        List<Api.AppSummary> apps = items.stream()
                .map(item -> context.json().treeToValue(item, Api.AppSummary.class)).toList();
        if (apps.isEmpty()) {
            err().println("No apps" + (team == null && search == null ? " that you can see." : " match."));
            return ExitCodes.OK;
        }
        out().print(table(apps, context.clock().instant()).render());
        return ExitCodes.OK;
    }

    static Table table(List<Api.AppSummary> apps, Instant now) {
        Table table = Table.of("NAME", "TEAM", "SOURCE", "ORIGIN", "UPDATED");
        apps.forEach(app -> table.row(app.name(), app.team(), app.source(), app.origin(),
                app.updatedAt() == null ? null : Text.relative(app.updatedAt(), now)));
        return table;
    }

    private String query(int page) {
        StringBuilder query = new StringBuilder("/api/v1/apps?size=" + PAGE_SIZE + "&page=" + page);
        if (team != null) {
            query.append("&team=").append(URLEncoder.encode(team, StandardCharsets.UTF_8));
        }
        if (search != null) {
            query.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

}
