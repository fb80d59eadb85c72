package dev.slipway.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which git repository locations an app may name: {@code https://host/path}, {@code ssh://[user@]host[:port]/path}
 * and the scp-like {@code user@host:path}. Credentials never go into the URL (they would be shown and
 * logged); plain-text protocols are refused; paths on Slipway's own host only when an admin allows them.
 */
public final class RepositoryUrls {

    public static final int MAX_LENGTH = 2048;
    private static final Pattern SCP_LIKE = Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):(?!//)(.+)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private RepositoryUrls() {
    }

    /**
     * A problem with {@code url}, or empty when it is acceptable.
     *
     * @param allowLocal whether paths and {@code file:} URLs on Slipway's host are allowed (platform setting)
     */
    public static Optional<String> problem(String url, boolean allowLocal) {
        if (url.isEmpty()) {
            return Optional.of("is required for apps built from git, e.g. https://git.example.com/team/app.git");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is " + url.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("must not contain spaces or control characters");
        }
        if (url.startsWith("/") || url.startsWith("./") || url.startsWith("../") || url.startsWith("file:")) {
            return local(url, allowLocal);
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return scpLike(url);
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https" -> hierarchical(url, false);
            case "ssh" -> hierarchical(url, true);
            case "http" -> Optional.of("uses plain http, which would expose code and credentials on the network;"
                    + " use https:// or ssh://");
            case "git" -> Optional.of("uses the unauthenticated git:// protocol; use https:// or ssh://");
            default -> Optional.of("uses the scheme '" + scheme + "'; use https://, ssh:// or user@host:path");
        };
    }

    /** Whether the URL is fetched over ssh (ssh:// or user@host:path), so with a deploy key rather than a token. */
    public static boolean isSsh(String url) {
        String value = url.strip();
        return value.regionMatches(true, 0, "ssh://", 0, 6) || (!value.contains("://") && !value.startsWith("/")
                && !value.startsWith(".") && !value.startsWith("file:") && SCP_LIKE.matcher(value).matches());
    }

    /**
     * host/path of a repository URL, whatever form names it, so two URLs of one repository compare equal:
     * https://host/a/b.git, ssh://git@host:22/a/b, git@host:a/b.git all become host/a/b, and file:
     * URLs and paths keep their path. For matching, never for fetching.
     */
    public static String identity(String url) {
        String value = url.strip();
        String hostAndPath;
        Matcher scp = SCP_LIKE.matcher(value);
        if (!value.contains("://") && scp.matches()) {
            hostAndPath = scp.group(2) + "/" + scp.group(3);
        } else {
            String rest = value.contains("://") ? value.substring(value.indexOf("://") + 3) : value;
            int at = rest.indexOf('@');
            int slash = rest.indexOf('/');
            if (at >= 0 && (slash < 0 || at < slash)) {
                rest = rest.substring(at + 1);
            }
            slash = rest.indexOf('/');
            String host = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            hostAndPath = host.replaceFirst(":\\d+$", "") + path;
        }
        String normalized = hostAndPath.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return normalized.endsWith(".git") ? normalized.substring(0, normalized.length() - 4) : normalized;
    }

    private static Optional<String> hierarchical(String url, boolean ssh) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || !HOST.matcher(uri.getHost()).matches()) {
            return Optional.of("has no valid host name, e.g. https://git.example.com/team/app.git");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (!ssh || userInfo.contains(":"))) {
            return Optional.of(ssh
                    ? "must not contain a password; add a deploy key to the app instead"
                    : "must not contain credentials; add an access token to the app instead of putting it in the URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query (?...) or fragment (#...)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            return Optional.of("names no repository; add its path, e.g. /team/app.git");
        }
        return Optional.empty();
    }

    private static Optional<String> scpLike(String url) {
        Matcher m = SCP_LIKE.matcher(url);
        if (!m.matches() || !HOST.matcher(m.group(2)).matches()) {
            return Optional.of("is not a repository URL; use https://host/path, ssh://user@host/path or user@host:path");
        }
        if (m.group(3).contains("@") && m.group(3).indexOf('@') < m.group(3).indexOf('/')) {
            return Optional.of("must not contain credentials");
        }
        return Optional.empty();
    }

    private static Optional<String> local(String url, boolean allowLocal) {
        if (!allowLocal) {
            return Optional.of("is a path on Slipway's own host, which is refused: on a shared host it would let"
                    + " anyone read what Slipway can read. A platform admin can allow local repositories in Settings.");
        }
        String path = url.startsWith("file:") ? url.replaceFirst("^file:(//)?", "") : url;
        if (!path.startsWith("/")) {
            return Optional.of("must be an absolute path, e.g. /srv/git/app.git or file:///srv/git/app.git");
        }
        return Optional.empty();
    }
}
