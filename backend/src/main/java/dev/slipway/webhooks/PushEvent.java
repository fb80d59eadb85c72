package dev.slipway.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.slipway.apps.RepositoryUrls;
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
