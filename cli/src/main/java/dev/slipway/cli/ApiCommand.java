package dev.slipway.cli;

import dev.slipway.cli.api.SlipwayClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command that talks to Slipway. Subclasses do their work in {@link #execute()} and return an exit code
 * from {@link ExitCodes}; errors are thrown as {@link CliException} and printed by {@link Slipway}.
 */
@CommandLine.Command(mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true)
public abstract class ApiCommand implements Callable<Integer> {

    protected final Context context;

    protected ApiCommand(Context context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;

    protected SlipwayClient client() {
        return context.client();
    }

    /** True with {@code -o json}: print the API's JSON on stdout and nothing else there. */
    protected boolean json() {
        return context.output() == OutputFormat.json;
    }

    protected PrintStream out() {
        return context.terminal().out();
    }

    /** Progress for people: on stdout in table mode, on stderr with -o json so stdout stays one JSON document. */
    protected PrintStream progress() {
        return json() ? context.terminal().err() : context.terminal().out();
    }

    protected PrintStream err() {
        return context.terminal().err();
    }

    protected void printJson(SlipwayClient.Response response) {
        out().println(response.pretty());
    }
}
