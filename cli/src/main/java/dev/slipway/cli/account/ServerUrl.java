package dev.slipway.cli.account;

import dev.slipway.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The address of a Slipway server as the command line stores and compares it. */
public final class ServerUrl {

    private ServerUrl() {
    }

    /**
     * {@code url} as the base of API calls: scheme and host lower-case, no trailing slash, a path prefix
     * kept (Slipway behind {@code https://tools.example.com/slipway}).
     *
     * @throws CliException (usage) for anything that is not an http(s) URL of a server
     */
    public static String normalize(String url) {
        String value = url.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw CliException.usage("'" + url + "' is not a URL: " + e.getReason()
                    + ". Write it like https://slipway.example.com or http://localhost:8080");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw CliException.usage("'" + url + "' needs http:// or https:// in front, e.g. https://slipway.example.com"
                    + " or http://localhost:8080");
        }
        if (uri.getHost() == null) {
            throw CliException.usage("'" + url + "' names no host, e.g. https://slipway.example.com");
        }
        if (uri.getRawUserInfo() != null) {
            throw CliException.usage("'" + url + "' must not hold a user or password: the token is given separately");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw CliException.usage("'" + url + "' must not have a query (?...) or fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }

    /** True when a token sent there crosses the network unencrypted: plain http to anything but this machine. */
    public static boolean plainTextOverNetwork(String normalizedUrl) {
        URI uri = URI.create(normalizedUrl);
        if (!"http".equals(uri.getScheme())) {
            return false;
        }
        String host = uri.getHost();
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }
}
