package dev.slipway.shared;

/**
 * The thing asked for does not exist, or the actor may not see it. The two are not told apart so that
 * names of other teams' apps do not leak.
 */
public final class NotFoundException extends SlipwayException {

    public NotFoundException(String message) {
        super(message);
    }
}
