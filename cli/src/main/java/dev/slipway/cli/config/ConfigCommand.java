package dev.slipway.cli.config;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.OutputFormat;
import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import dev.slipway.cli.deploys.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", header = "Variables: get, set, unset, import a .env file",
        mixinStandardHelpOptions = true, description = {
    "Read and change the variables of an app in an environment. Every change makes a new config version; the next"
            + " deploy takes it, and a rollback brings back the version its release ran with.",
    "Secrets: 'slipway secret set'."},
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.Unset.class,
            ConfigCommand.Import.class})
public final class ConfigCommand {

    static String path(Target target) {
        return target.path("/config");
    }

    /** The config as a table: variables with values, secrets only with version and who set them. */
    static Table table(Api.Config config, Instant now) {
        Table table = Table.of("NAME", "VALUE", "KIND", "UPDATED");
        config.variables().forEach((name, value) -> table.row(name, value, "variable", null));
        config.secrets().forEach(secret -> table.row(secret.name(), "(hidden)", "secret v" + secret.version(),
                secret.setBy() + ", " + Text.relative(secret.setAt(), now)));
        return table;
    }

    /** Prints the config after a change, or its JSON. */
    static int printChanged(Context context, SlipwayClient.Response response, String what) {
        if (context.output() == OutputFormat.json) {
            context.terminal().out().println(response.pretty());
            return ExitCodes.OK;
        }
        Api.Config config = response.read(Api.Config.class);
        context.terminal().out().println(what + ": config of " + config.app() + " in " + config.environment()
                + " is now version " + config.version() + ". The next deploy takes it.");
        return ExitCodes.OK;
    }

    @Command(name = "get", header = "Show variables and which secrets exist",
            description = "Show the config of APP in ENV: variables with their values; secrets by name"
            + " and version only, never their values.")
    static final class Get extends ApiCommand {

        @Mixin
        Target target;

        Get(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            SlipwayClient.Response response = client().get(path(target));
            if (json()) {
                printJson(response);
                return ExitCodes.OK;
            }
            Api.Config config = response.read(Api.Config.class);
            if (config.version() == 0) {
                out().println("No config for " + target.app() + " in " + target.environment() + " yet.");
                return ExitCodes.OK;
            }
            out().println(target.app() + " in " + target.environment() + ": config version " + config.version()
                    + (config.updatedBy() == null ? "" : ", changed by " + config.updatedBy() + " "
                    + Text.relative(config.updatedAt(), context.clock().instant())));
            out().print(table(config, context.clock().instant()).render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", header = "Set variables", description = {
        "Set variables of APP in ENV, all in one new config version.",
        "Example: slipway config set shop dev LOG_LEVEL=debug FEATURE_X=on"})
    static final class Set extends ApiCommand {

        @Mixin
        Target target;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "a variable and its value;"
                + " quote values with spaces")
        List<String> assignments;

        Set(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            Map<String, String> variables = assignments(assignments);
            SlipwayClient.Response response = client().patch(path(target), Map.of("variables", variables));
            return printChanged(context, response, "Set " + String.join(", ", variables.keySet()));
        }
    }

    /**
     * KEY=VALUE arguments as a map, in order; the value is everything after the first '='.
     *
     * @throws CliException (usage) for an argument without '=' or without a name, or a name given twice
     */
    static Map<String, String> assignments(List<String> arguments) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                problems.add("'" + argument + "' is not KEY=VALUE");
            } else if (variables.put(argument.substring(0, equals), argument.substring(equals + 1)) != null) {
                problems.add(argument.substring(0, equals) + " is given twice");
            }
        }
        if (!problems.isEmpty()) {
            throw CliException.usage(String.join("; ", problems) + ". Example: slipway config set shop dev LOG_LEVEL=debug");
        }
        return variables;
    }

    @Command(name = "unset", header = "Remove variables or secrets",
            description = "Remove variables (or secrets) of APP in ENV, all in one new config version.")
    static final class Unset extends ApiCommand {

        @Mixin
        Target target;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY", description = "a variable or secret to remove")
        List<String> keys;

        Unset(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            SlipwayClient.Response response = client().patch(path(target), Map.of("remove", keys));
            return printChanged(context, response, "Removed " + String.join(", ", keys));
        }
    }

    @Command(name = "import", header = "Set the variables of a .env file", description = {
        "Set every NAME=value line of a .env file in APP in ENV, in one new config version: '#' comments, 'export'"
                + " in front, values in double quotes (with \\n escapes) or single quotes.",
        "A bad line refuses the whole file, and every bad line is named. FILE - reads stdin.",
        "Example: slipway config import shop dev .env.staging"})
    static final class Import extends ApiCommand {

        @Mixin
        Target target;

        @Parameters(index = "2", paramLabel = "FILE", description = "the .env file, or - for stdin")
        String file;

        @Option(names = "--secrets", description = "store every line as a secret (write-only) instead of a variable")
        boolean secrets;

        Import(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            String text = DotEnvFile.read(file, context.terminal().in());
            SlipwayClient.Response response = client().post(path(target) + "/import",
                    Map.of("text", text, "secrets", secrets));
            return printChanged(context, response, "Imported " + (file.equals("-") ? "stdin" : file)
                    + (secrets ? " as secrets" : ""));
        }
    }
}
