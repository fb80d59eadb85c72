package dev.slipway.cli;

/**
 * An error the user is told about in one message on stderr, ending the command with its exit code. The
 * message says what went wrong and, where the user can fix it, how.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A mistake in how the command was called, found after parsing (exit code 2). */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }
}
