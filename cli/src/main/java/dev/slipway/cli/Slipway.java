package dev.slipway.cli;

import dev.slipway.cli.account.LoginCommand;
import dev.slipway.cli.account.LogoutCommand;
import dev.slipway.cli.account.TokensCommand;
import dev.slipway.cli.account.WhoamiCommand;
import dev.slipway.cli.apps.AppsCommand;
import dev.slipway.cli.builds.BuildCommand;
import dev.slipway.cli.builds.BuildsCommand;
import dev.slipway.cli.config.ConfigCommand;
import dev.slipway.cli.config.SecretCommand;
import dev.slipway.cli.deploys.AbortCommand;
import dev.slipway.cli.deploys.DeployCommand;
import dev.slipway.cli.deploys.PromoteCommand;
import dev.slipway.cli.deploys.ReleasesCommand;
import dev.slipway.cli.deploys.RollbackCommand;
import dev.slipway.cli.deploys.RolloutCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code slipway}: the command line of Slipway, for scripts, CI pipelines and shells. */
@Command(name = "slipway", header = "Slipway's command line", mixinStandardHelpOptions = true,
        versionProvider = Version.class, usageHelpAutoWidth = true,
        description = "Deploy, watch and roll back apps on Slipway from scripts, CI pipelines and your shell.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
            AppsCommand.class,
            DeployCommand.class, RolloutCommand.class, PromoteCommand.class, AbortCommand.class,
            RollbackCommand.class, ReleasesCommand.class,
            ConfigCommand.class, SecretCommand.class,
            BuildsCommand.class, BuildCommand.class,
            TokensCommand.class,
            CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok: the request was accepted, or what was waited for succeeded",
            "1:Slipway refused the request (its reason is printed), or the rollout or build waited for"
                    + " failed, was rolled back or aborted",
            "2:usage: unknown command or option, missing or malformed argument",
            "3:timed out waiting (--wait, --watch, --follow); the rollout or build goes on in Slipway",
            "4:cannot talk to Slipway: not logged in, unreachable URL, or the token was refused",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  SLIPWAY_URL      Slipway's address; with SLIPWAY_TOKEN, used instead of",
            "                   the stored login (for CI pipelines)",
            "  SLIPWAY_TOKEN    an API token ('slipway tokens create', or Account >",
            "                   API tokens in the UI)",
            "  XDG_CONFIG_HOME  the login is stored in $XDG_CONFIG_HOME/slipway/",
            "                   config.json, else ~/.config/slipway/config.json",
            "",
            "Errors go to stderr; with -o json, stdout holds only the API's JSON.",
            "'slipway COMMAND --help' tells a command's arguments and options.",
        })
public final class Slipway implements Callable<Integer> {

    /** Commands whose secret comes from stdin, and how to give it there. */
    private static final Map<String, String> SECRET_FROM_STDIN = Map.of(
            "slipway login", "The token is read from stdin: echo \"$TOKEN\" | slipway login URL",
            "slipway secret set", "The value is read from stdin: printf %s \"$VALUE\" | slipway secret set APP ENV NAME");

    private final Context context;

    @Spec
    private CommandSpec spec;

    Slipway(Context context) {
        this.context = context;
    }

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) for people, or json: the API's JSON, for scripts")
    void output(OutputFormat format) {
        context.output(format);
    }

    /** {@code slipway} alone: the list of commands, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.terminal().err());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        int code = run(Context.system(), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; nothing here ends the JVM. */
    public static int run(Context context, String... args) {
        return commandLine(context).execute(args);
    }

    /** The command tree with its error handling, wired to {@code context}. */
    static CommandLine commandLine(Context context) {
        CommandLine cli = new CommandLine(new Slipway(context), new CommandFactory(context));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(context.terminal().out(), true));
        cli.setErr(new PrintWriter(context.terminal().err(), true));
        cli.setParameterExceptionHandler(Slipway::usageError);
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (error instanceof CliException) {
                commandLine.getErr().println("error: " + context.describe(error));
            } else if (error instanceof InterruptedException) {
                commandLine.getErr().println("Interrupted.");
            } else {
                commandLine.getErr().println("error: " + error);
                if (context.env().containsKey("SLIPWAY_DEBUG")) {
                    error.printStackTrace(commandLine.getErr());
                } else {
                    commandLine.getErr().println("This is a bug in slipway; SLIPWAY_DEBUG=1 shows where it happened.");
                }
            }
            return ExitCodes.of(error);
        });
        return cli;
    }

    /** A wrong command line: what was wrong and where help is, without the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException && SECRET_FROM_STDIN.containsKey(command)) {
            // an extra argument here is most likely the secret itself: never echo it into a terminal or CI log
            err.println("error: too many arguments (not repeated here, in case one is a secret). "
                    + SECRET_FROM_STDIN.get(command));
            return ExitCodes.USAGE;
        }
        err.println("error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("See '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }
}
