package dev.slipway.cli.account;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.util.Map;
import java.util.Optional;

/**
 * Which server and token a command uses. {@code SLIPWAY_URL} and {@code SLIPWAY_TOKEN} win over the stored
 * login, so a CI pipeline needs no login step and no file. A stored token only ever goes to the server it
 * was stored for: with {@code SLIPWAY_URL} naming another server, {@code SLIPWAY_TOKEN} must be set too.
 *
 * @param source where the token came from, for messages: "SLIPWAY_TOKEN" or the config file's path
 */
public record Credentials(String url, String token, String source) {

    public static final String URL_VARIABLE = "SLIPWAY_URL";
    public static final String TOKEN_VARIABLE = "SLIPWAY_TOKEN";

    /** The token never shows in a stack trace or a debug print. */
    @Override
    public String toString() {
        return "Credentials[url=" + url + ", token=(hidden), source=" + source + "]";
    }

    /**
     * @param stored     the stored login, if any
     * @param storedFrom where it is stored, for messages
     * @throws CliException (exit 4) when there is no URL or no token for it
     */
    public static Credentials resolve(Map<String, String> env, Optional<ConfigFile.Login> stored, String storedFrom) {
        String envUrl = blankToNull(env.get(URL_VARIABLE));
        String envToken = blankToNull(env.get(TOKEN_VARIABLE));
        String url = envUrl != null ? ServerUrl.normalize(envUrl) : stored.map(ConfigFile.Login::url).orElse(null);
        if (url == null) {
            throw new CliException(ExitCodes.NOT_CONNECTED, envToken != null
                    ? "SLIPWAY_TOKEN is set, but not SLIPWAY_URL: set it to Slipway's address too"
                    : "Not logged in. Run slipway login URL (e.g. slipway login http://localhost:8080), or set"
                            + " SLIPWAY_URL and SLIPWAY_TOKEN");
        }
        if (envToken != null) {
            return new Credentials(url, envToken.strip(), TOKEN_VARIABLE);
        }
        Optional<ConfigFile.Login> forUrl = stored.filter(login -> login.url().equals(url));
        if (forUrl.isEmpty()) {
            throw new CliException(ExitCodes.NOT_CONNECTED, stored.isPresent()
                    ? "SLIPWAY_URL is " + url + ", but the stored login is for " + stored.get().url()
                            + ", and its token is never sent elsewhere. Set SLIPWAY_TOKEN too, or run slipway login " + url
                    : "SLIPWAY_URL is set, but no token: set SLIPWAY_TOKEN too, or run slipway login " + url);
        }
        return new Credentials(url, forUrl.get().token(), storedFrom);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
