package dev.slipway.cli.config;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.api.SlipwayClient;
import dev.slipway.cli.deploys.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "secret", header = "Secrets: set (value from stdin, never printed)",
        mixinStandardHelpOptions = true, description = "Set secrets of an app in an environment."
        + " Secret values are write-only: Slipway encrypts them and never shows them again.",
        subcommands = SecretCommand.Set.class)
public final class SecretCommand {

    @Command(name = "set", header = "Set a secret, its value from stdin", description = {
        "Set the secret NAME of APP in ENV, in a new config version. The value is read from stdin when stdin is not a"
                + " terminal (one trailing line break dropped), else asked for without echo; it is never an argument"
                + " and never printed.",
        "Example: printf %%s \"$DB_PASSWORD\" | slipway secret set shop prod DB_PASSWORD"})
    static final class Set extends ApiCommand {

        @Mixin
        Target target;

        @Parameters(index = "2", paramLabel = "NAME", description = "the secret's name, e.g. DB_PASSWORD")
        String name;

        Set(Context context) {
            super(context);
        }

        @Override
        protected int execute() throws IOException {
            String value = readValue();
            SlipwayClient.Response response = client().patch(ConfigCommand.path(target),
                    Map.of("secrets", Map.of(name, value)));
            return ConfigCommand.printChanged(context, response, "Set secret " + name);
        }

        private String readValue() throws IOException {
            if (context.terminal().interactive()) {
                char[] typed = context.terminal().readSecret("Value of " + name + " (input hidden): ");
                if (typed == null || typed.length == 0) {
                    throw CliException.usage("No value given for " + name);
                }
                String value = new String(typed);
                Arrays.fill(typed, '\0');
                return value;
            }
            return value(context.terminal().in().readAllBytes(), name);
        }
    }

    /** What was piped in, less the one line break that echo and here-strings add. */
    static String value(byte[] stdin, String name) {
        String value = new String(stdin, StandardCharsets.UTF_8);
        if (value.endsWith("\r\n")) {
            value = value.substring(0, value.length() - 2);
        } else if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw CliException.usage("stdin held no value for " + name + ". Pipe it in, e.g. printf %s \"$VALUE\" |"
                    + " slipway secret set APP ENV " + name);
        }
        return value;
    }
}
