package dev.slipway.security;

/**
 * A token just created. {@code secret} exists only in this answer; Slipway keeps a hash of it.
 */
public record CreatedApiToken(ApiTokenView token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
