package dev.slipway.cli.api;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;

/**
 * Slipway answered with an error. The message is the problem document's {@code detail}, which says what
 * was wrong and how to fix it; for a response that is no problem document (a proxy's error page), the
 * status and the URL.
 */
public final class ApiException extends CliException {

    private final int status;
    private final String type;

    public ApiException(int status, String type, String message) {
        super(ExitCodes.forHttpStatus(status), message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. urn:slipway:problem:not-found; empty when the answer had none. */
    public String type() {
        return type;
    }
}
