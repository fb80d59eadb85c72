package dev.slipway.shared;

/** The actor may see the thing but not do this to it; the message names the role that would be needed. */
public final class ForbiddenException extends SlipwayException {

    public ForbiddenException(String message) {
        super(message);
    }
}
