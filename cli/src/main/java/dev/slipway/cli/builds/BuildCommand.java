package dev.slipway.cli.builds;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.Durations;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", header = "Builds: start [--wait], log [--follow]",
        mixinStandardHelpOptions = true, description = "Build an app from its git repository, and read"
        + " a build's output.", subcommands = {BuildCommand.Start.class, BuildCommand.Log.class})
public final class BuildCommand {

    static final Duration POLL = Duration.ofSeconds(1);

    static String path(String app, int number) {
        return SlipwayClient.path("/api/v1/apps/{}/builds/{}", app, number);
    }

    @Command(name = "start", header = "Queue a build [--wait]", description = {
        "Queue a build of APP: its branch's tip, or --branch/--commit. Answers at once; --wait follows it and exits 0"
                + " when it succeeded (printing the image, pinned to its digest), 1 when it failed or was cancelled.",
        "Example: IMAGE=$(slipway build start shop --wait) && slipway deploy shop dev --image \"$IMAGE\" --wait"})
    static final class Start extends ApiCommand {

        @Parameters(index = "0", paramLabel = "APP", description = "the app's name")
        String app;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "the branch to build (default: the app's)")
        String branch;

        @Option(names = "--commit", paramLabel = "SHA", description = "a commit on that branch (default: its tip)")
        String commit;

        @Option(names = "--wait", description = "wait until the build ends")
        boolean waitForEnd;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.Converter.class, defaultValue = "30m",
                description = "with --wait: how long to wait at most (default: ${DEFAULT-VALUE}; 0 waits without limit)")
        Duration timeout;

        @Spec
        CommandSpec spec;

        Start(Context context) {
            super(context);
        }

        @Override
        protected int execute() throws InterruptedException {
            if (spec.commandLine().getParseResult().hasMatchedOption("--timeout") && !waitForEnd) {
                throw CliException.usage("--timeout limits --wait; add --wait, or leave --timeout out");
            }
            Map<String, String> request = new LinkedHashMap<>();
            if (branch != null) {
                request.put("branch", branch);
            }
            if (commit != null) {
                request.put("commit", commit);
            }
            SlipwayClient.Response response = client().post(SlipwayClient.path("/api/v1/apps/{}/builds", app), request);
            Api.Build build = response.read(Api.Build.class);
            if (!waitForEnd) {
                if (json()) {
                    printJson(response);
                } else {
                    out().println("Build #" + build.number() + " of " + app + " is " + build.status() + ". Follow it with:"
                            + " slipway build log " + app + " " + build.number() + " --follow");
                }
                return ExitCodes.OK;
            }
            err().println("Build #" + build.number() + " of " + app + " " + build.status() + " (its output: slipway build"
                    + " log " + app + " " + build.number() + " --follow)");
            Instant started = context.clock().instant();
            String lastStatus = build.status();
            SlipwayClient.Response current = response;
            while (!build.finished()) {
                if (!timeout.isZero() && Duration.between(started, context.clock().instant()).compareTo(timeout) >= 0) {
                    throw new CliException(ExitCodes.TIMED_OUT, "Stopped waiting after " + Durations.format(timeout)
                            + ": build #" + build.number() + " of " + app + " is " + build.status()
                            + ". It goes on in Slipway: slipway build log " + app + " " + build.number() + " --follow");
                }
                context.sleeper().sleep(POLL);
                current = client().get(path(app, build.number()));
                build = current.read(Api.Build.class);
                if (!build.status().equals(lastStatus)) {
                    err().println("Build #" + build.number() + " of " + app + " " + build.status());
                    lastStatus = build.status();
                }
            }
            return ended(current, build);
        }

        private int ended(SlipwayClient.Response response, Api.Build build) {
            int code = ExitCodes.forBuildStatus(build.status());
            if (json()) {
                printJson(response);
            } else if (code == ExitCodes.OK) {
                out().println(build.image());
            }
            if (code != ExitCodes.OK) {
                err().println("error: build #" + build.number() + " of " + app + " " + build.status()
                        + (build.reason() == null ? "" : ": " + Text.clean(build.reason()))
                        + ". Its output: slipway build log " + app + " " + build.number());
            }
            return code;
        }
    }

    @Command(name = "log", header = "Print a build's output [--follow]", description = {
        "Print the output of build N of APP (known secret values are masked by Slipway).",
        "--follow prints new lines as they come until the build ends, then exits 0 when it succeeded and 1 when it"
                + " did not."})
    static final class Log extends ApiCommand {

        @Parameters(index = "0", paramLabel = "APP", description = "the app's name")
        String app;

        @Parameters(index = "1", paramLabel = "N", description = "the build's number, as 'slipway builds APP' lists it")
        int number;

        @Option(names = {"-f", "--follow"}, description = "keep printing new lines until the build ends")
        boolean follow;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.Converter.class, defaultValue = "0",
                description = "with --follow: stop after this long with exit code 3 (default: no limit)")
        Duration timeout;

        Log(Context context) {
            super(context);
        }

        @Override
        protected int execute() throws InterruptedException {
            if (json()) {
                throw CliException.usage("build log prints text; for the build's JSON use: slipway builds " + app
                        + " -o json");
            }
            Instant started = context.clock().instant();
            int from = 0;
            while (true) {
                // read the status before the log: once it says finished, the log it wrote is complete
                Api.Build build = follow ? client().get(path(app, number)).read(Api.Build.class) : null;
                from = printFrom(from);
                if (!follow) {
                    return ExitCodes.OK;
                }
                if (build.finished()) {
                    int code = ExitCodes.forBuildStatus(build.status());
                    err().println("Build #" + number + " of " + app + " " + build.status()
                            + (build.reason() == null ? "" : ": " + Text.clean(build.reason())));
                    return code;
                }
                if (!timeout.isZero() && Duration.between(started, context.clock().instant()).compareTo(timeout) >= 0) {
                    throw new CliException(ExitCodes.TIMED_OUT, "Stopped following after " + Durations.format(timeout)
                            + ": build #" + number + " of " + app + " is " + build.status() + " and goes on");
                }
                context.sleeper().sleep(POLL);
            }
        }

        /** Prints every line from {@code from} on (the API answers all of them); returns where to read next time. */
        private int printFrom(int from) {
            Api.LogChunk chunk = client().get(path(app, number) + "/log?from=" + from).read(Api.LogChunk.class);
            chunk.lines().forEach(line -> out().println(Text.line(line)));
            return Math.max(from, chunk.next());
        }
    }
}
