package dev.slipway.shared;

/**
 * Slipway is not set up to do this yet; the message says which setting an operator has to provide.
 */
public final class UnavailableException extends SlipwayException {

    public UnavailableException(String message) {
        super(message);
    }
}
