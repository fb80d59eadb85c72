package dev.slipway.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of a push event Slipway needs, read from any of the three providers' payloads: which
 * repository (every URL form the provider gives), which ref, which commit.
 */
record PushEvent(List<String> repositoryUrls, String ref, @Nullable String commit) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DELETED = "0000000000000000000000000000000000000000";
    private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

    /** Parses a verified body; empty when it is not a push this can read. */
    static Optional<PushEvent> parse(WebhookProvider provider, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.hasNonNull("ref")) {
            return Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        JsonNode repository = provider == WebhookProvider.GITLAB ? root.path("project") : root.path("repository");
        for (String field : provider == WebhookProvider.GITLAB
                ? List.of("git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url")
                : List.of("clone_url", "ssh_url", "html_url", "git_url")) {
            if (repository.hasNonNull(field)) {
                urls.add(repository.get(field).asString());
            }
        }
        String after = root.hasNonNull("after") ? root.get("after").asString()
                : root.hasNonNull("checkout_sha") ? root.get("checkout_sha").asString() : null;
        return Optional.of(new PushEvent(urls, root.get("ref").asString(), after));
    }

    /** The branch pushed to; empty for tags and other refs. */
    Optional<String> branch() {
        return ref.startsWith("refs/heads/") ? Optional.of(ref.substring("refs/heads/".length())) : Optional.empty();
    }

    boolean deletesTheBranch() {
        return commit == null || DELETED.equals(commit);
    }

    /** Whether any of the event's URLs names the same repository as {@code appRepository}. */
    boolean isFor(String appRepository) {
        String wanted = normalize(appRepository);
        return repositoryUrls.stream().map(PushEvent::normalize).anyMatch(wanted::equals);
    }

    /**
     * host/path of a repository URL, whatever its form: https://host/a/b.git, ssh://git@host:22/a/b,
     * git@host:a/b.git and file:///srv/a/b.git all become host/a/b (file URLs keep their path).
     */
    static String normalize(String url) {
        String value = url.strip();
        String hostAndPath;
        Matcher scp = SCP.matcher(value);
        if (!value.contains("://") && scp.matches()) {
            hostAndPath = scp.group(1) + "/" + scp.group(2);
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
}
