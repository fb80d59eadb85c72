package dev.slipway.shared;

/**
 * An error the user caused and can fix. Its message is shown as it is (in the UI, and as the detail of
 * a problem+json answer), so it says what was wrong and what to do, and never contains a secret.
 */
public abstract sealed class SlipwayException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidInputException,
        UnavailableException {

    protected SlipwayException(String message) {
        super(message);
    }

    protected SlipwayException(String message, Throwable cause) {
        super(message, cause);
    }
}
