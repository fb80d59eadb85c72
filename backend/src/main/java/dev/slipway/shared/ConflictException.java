package dev.slipway.shared;

/** The request clashes with the current state: a taken name, a stale edit, a thing still in use. */
public final class ConflictException extends SlipwayException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
