package dev.slipway.encryption;

/**
 * An encrypted value failed authentication. This is never a user error: it means the database was
 * altered, or a value was restored from elsewhere, and must be looked into.
 */
public class TamperedValueException extends RuntimeException {

    TamperedValueException(String reason) {
        super("An encrypted value could not be authenticated (" + reason + ").");
    }
}
