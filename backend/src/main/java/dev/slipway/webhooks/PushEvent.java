package dev.slipway.webhooks;

import dev.slipway.apps.RepositoryUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static final String BRANCH_PREFIX = "refs/heads/";
    private static final String TAG_PREFIX = "refs/tags/";
    private static final String DELETED = "0000000000000000000000000000000000000000";
    /** SHA-1 or SHA-256 object ids, as git writes them. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    /** Refs and URLs longer than this are no real repository's. */
    private static final int MAX_TEXT = 1024;

    /**
     * Parses a verified body; empty when it is not a push this can read. Verified is not trusted: a ref
     * git could not hold (control characters, absurd length), a commit that is not a hex object id and
     * values of the wrong JSON type make it unreadable rather than reach a build or the database.
     */
    static Optional<PushEvent> parse(WebhookProvider provider, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("ref").isString() || !validRef(root.get("ref").asString())) {
            return Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        JsonNode repository = provider == WebhookProvider.GITLAB ? root.path("project") : root.path("repository");
        for (String field : provider == WebhookProvider.GITLAB
                ? List.of("git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url")
                : List.of("clone_url", "ssh_url", "html_url", "git_url")) {
            JsonNode url = repository.path(field);
            if (url.isString() && url.asString().length() <= MAX_TEXT && !hasControl(url.asString())) {
                urls.add(url.asString());
            }
        }
        JsonNode after = root.path("after").isString() ? root.get("after") : root.path("checkout_sha");
        String commit = after.isString() ? after.asString() : null;
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PushEvent(urls, root.get("ref").asString(), commit));
    }

    /** What git accepts as a ref name, roughly: no control characters, and not absurdly long. */
    private static boolean validRef(String ref) {
        return !ref.isBlank() && ref.length() <= MAX_TEXT && !hasControl(ref);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The branch pushed to; empty for tags and other refs. */
    Optional<String> branch() {
        return ref.startsWith(BRANCH_PREFIX) ? Optional.of(ref.substring(BRANCH_PREFIX.length())) : Optional.empty();
    }

    /** Whether a tag was pushed (GitHub's and Gitea's push event, GitLab's Tag Push Hook). */
    boolean tag() {
        return ref.startsWith(TAG_PREFIX);
    }

    boolean deletesTheBranch() {
        return commit == null || DELETED.equals(commit);
    }

    /** Whether any of the event's URLs names the same repository as {@code appRepository}. */
    boolean isFor(String appRepository) {
        String wanted = RepositoryUrls.identity(appRepository);
        return repositoryUrls.stream().map(RepositoryUrls::identity).anyMatch(wanted::equals);
    }
}
