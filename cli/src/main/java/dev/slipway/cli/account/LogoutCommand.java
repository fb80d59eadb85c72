package dev.slipway.cli.account;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "logout", header = "Forget the stored login", description = {
    "Forget the stored login: delete the token from this machine.",
    "The token itself keeps working until it expires or is revoked ('slipway tokens revoke ID' before logging out,"
            + " or Account > API tokens in the UI)."})
public final class LogoutCommand extends ApiCommand {

    LogoutCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        Optional<ConfigFile.Login> stored;
        try {
            stored = context.configFile().read();
        } catch (CliException damaged) {
            stored = Optional.empty(); // a file that cannot be read is deleted all the same
        }
        boolean deleted = context.configFile().delete();
        if (deleted) {
            progress().println("Logged out of " + stored.map(ConfigFile.Login::url).orElse("Slipway") + ": deleted "
                    + context.configFile().path() + ".");
        } else {
            progress().println("Not logged in: there is no " + context.configFile().path() + ".");
        }
        if (context.env().get(Credentials.TOKEN_VARIABLE) != null) {
            err().println("note: SLIPWAY_TOKEN is still set in this shell, and commands still use it.");
        }
        return ExitCodes.OK;
    }
}
