package dev.slipway.cli.account;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import picocli.CommandLine.Command;

@Command(name = "whoami", header = "Show who the token belongs to",
        description = "Show who the token belongs to, on which Slipway, and where the token came from.")
public final class WhoamiCommand extends ApiCommand {

    WhoamiCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().get("/api/v1/me");
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        Api.User user = response.read(Api.User.class);
        Credentials credentials = context.credentials();
        out().println(user.username() + " (" + user.displayName() + ")" + (user.platformAdmin() ? ", platform admin" : ""));
        out().println("on " + credentials.url() + ", token from " + credentials.source());
        return ExitCodes.OK;
    }
}
