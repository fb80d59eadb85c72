package dev.slipway.cli;

import java.util.Locale;

/**
 * What the exit code of a command tells a script. Documented in {@code slipway --help}; scripts rely on
 * them, so they never change meaning.
 */
public final class ExitCodes {

    /** It worked: the request was accepted, or what was waited for ended well. */
    public static final int OK = 0;
    /** Slipway refused the request (with its reason), or what was waited for failed, was rolled back or aborted. */
    public static final int FAILED = 1;
    /** The command was called wrongly: unknown command or option, a missing or malformed argument. */
    public static final int USAGE = 2;
    /** Waiting (--wait, --watch, --follow) ran out of time; what was waited for goes on in Slipway. */
    public static final int TIMED_OUT = 3;
    /** Slipway could not be reached, or refused the token: not logged in, wrong URL, network, expired token. */
    public static final int NOT_CONNECTED = 4;
    /** Stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** 0 for a rollout that ended SUCCEEDED; 1 for every other end (rolled back, aborted, superseded, failed). */
    public static int forRolloutPhase(String phase) {
        return "SUCCEEDED".equals(phase.toUpperCase(Locale.ROOT)) ? OK : FAILED;
    }

    /** 0 for a build that SUCCEEDED; 1 for a failed, cancelled or interrupted one. */
    public static int forBuildStatus(String status) {
        return "SUCCEEDED".equals(status.toUpperCase(Locale.ROOT)) ? OK : FAILED;
    }

    /** A refused token means the caller cannot talk to Slipway (4); any other refusal is a failure (1). */
    public static int forHttpStatus(int status) {
        return status == 401 ? NOT_CONNECTED : FAILED;
    }

    /** The exit code an exception that ended a command stands for. */
    public static int of(Throwable error) {
        if (error instanceof CliException cli) {
            return cli.exitCode();
        }
        if (error instanceof InterruptedException) {
            return INTERRUPTED;
        }
        return FAILED;
    }
}
