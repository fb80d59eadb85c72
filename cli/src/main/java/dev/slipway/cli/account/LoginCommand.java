package dev.slipway.cli.account;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.ApiException;
import dev.slipway.cli.api.SlipwayClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "login", header = "Log in to Slipway with an API token", description = {
    "Store Slipway's URL and an API token for the next commands.",
    "The token is read from stdin when stdin is not a terminal (echo \"$TOKEN\" | slipway login URL), else asked"
            + " for without echo; it is never an argument, so it stays out of shell history and process lists.",
    "It is checked with Slipway before it is stored, in $XDG_CONFIG_HOME/slipway/config.json or"
            + " ~/.config/slipway/config.json, readable by you alone (0600).",
    "Create a token under Account > API tokens in the UI, or with 'slipway tokens create'."})
public final class LoginCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "URL", description = "Slipway's address, e.g. https://slipway.example.com or"
            + " http://localhost:8080")
    String url;

    LoginCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() throws IOException {
        String server = ServerUrl.normalize(url);
        if (ServerUrl.plainTextOverNetwork(server)) {
            err().println("warning: " + server + " is plain http: the token crosses the network unencrypted. Use https"
                    + " outside a trusted network.");
        }
        String token = readToken(server);
        SlipwayClient client = new SlipwayClient(server, token, context.json());
        SlipwayClient.Response me;
        try {
            me = client.get("/api/v1/me");
        } catch (ApiException e) {
            throw e.status() == 401
                    ? new CliException(ExitCodes.NOT_CONNECTED, server + " refused the token, so it was not stored: "
                            + e.getMessage())
                    : e;
        }
        Api.User user = me.read(Api.User.class);
        context.configFile().write(new ConfigFile.Login(server, token));
        if (json()) {
            printJson(me);
        } else {
            out().println("Logged in to " + server + " as " + user.username() + " (" + user.displayName() + ").");
            out().println("The token is stored in " + context.configFile().path() + ".");
        }
        if (context.env().get(Credentials.TOKEN_VARIABLE) != null) {
            err().println("note: SLIPWAY_TOKEN is set in this shell; it is used instead of the stored login.");
        }
        return ExitCodes.OK;
    }

    private String readToken(String server) throws IOException {
        String token;
        if (context.terminal().interactive()) {
            char[] typed = context.terminal().readSecret("API token for " + server + " (input hidden): ");
            token = typed == null ? "" : new String(typed);
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        } else {
            token = new String(context.terminal().in().readAllBytes(), StandardCharsets.UTF_8);
        }
        token = token.strip();
        if (token.isEmpty()) {
            throw CliException.usage("No token given. Pipe it in, e.g. echo \"$SLIPWAY_TOKEN\" | slipway login " + server
                    + ", or run the command in a terminal to be asked for it");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw CliException.usage("The token read from stdin has spaces or line breaks inside; give exactly one token");
        }
        return token;
    }
}
