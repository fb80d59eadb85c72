package dev.slipway.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deliveries shaped as GitHub, GitLab and Gitea/Forgejo send them: the bodies follow the providers'
 * documented sample payloads (trimmed of avatar and API URLs, which Slipway does not read), the headers
 * are the set each provider sends with every delivery.
 *
 * <ul>
 *   <li>GitHub: docs.github.com "Webhook events and payloads" (push, create, delete, pull_request) and
 *       "Validating webhook deliveries"; the body is JSON, or with the hook's default content type a form
 *       whose {@code payload} field holds the JSON; X-Hub-Signature-256 signs the body as sent.</li>
 *   <li>GitLab: docs.gitlab.com "Webhook events" (Push Hook, Tag Push Hook); X-Gitlab-Token carries the
 *       secret itself.</li>
 *   <li>Gitea and Forgejo: services/webhook/deliver.go; X-Gitea-Event, X-Gogs-Event and X-GitHub-Event
 *       with the same value (Forgejo adds X-Forgejo-*); every signature header signs the JSON document,
 *       also when it is sent as a form.</li>
 * </ul>
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** A GitHub push event: {@code ref} as pushed (refs/heads/..., refs/tags/...). */
    public static String githubPush(String cloneUrl, String ref, String before, String after) {
        String web = cloneUrl.replaceFirst("\\.git$", "");
        String path = web.replaceFirst("^https://[^/]+/", "");
        return """
                {
                  "ref": "%1$s",
                  "before": "%2$s",
                  "after": "%3$s",
                  "repository": {
                    "id": 186853002,
                    "node_id": "MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=",
                    "name": "%6$s",
                    "full_name": "%5$s",
                    "private": false,
                    "owner": {
                      "name": "Codertocat",
                      "email": "21031067+Codertocat@users.noreply.github.com",
                      "login": "Codertocat",
                      "id": 21031067,
                      "type": "User",
                      "site_admin": false
                    },
                    "html_url": "%4$s",
                    "description": null,
                    "fork": false,
                    "url": "%4$s",
                    "created_at": 1557933565,
                    "updated_at": "2019-05-15T15:20:41Z",
                    "pushed_at": 1557933657,
                    "git_url": "%7$s",
                    "ssh_url": "%8$s",
                    "clone_url": "%9$s",
                    "svn_url": "%4$s",
                    "size": 0,
                    "default_branch": "main",
                    "master_branch": "main"
                  },
                  "pusher": {
                    "name": "Codertocat",
                    "email": "21031067+Codertocat@users.noreply.github.com"
                  },
                  "sender": {
                    "login": "Codertocat",
                    "id": 21031067,
                    "node_id": "MDQ6VXNlcjIxMDMxMDY3",
                    "type": "User",
                    "site_admin": false
                  },
                  "created": false,
                  "deleted": false,
                  "forced": false,
                  "base_ref": null,
                  "compare": "%4$s/compare/%10$s...%11$s",
                  "commits": [
                    {
                      "id": "%3$s",
                      "tree_id": "f9d2a07e9488b91af2641b26b9407fe22a451433",
                      "distinct": true,
                      "message": "Update the menu",
                      "timestamp": "2019-05-15T15:20:55Z",
                      "url": "%4$s/commit/%3$s",
                      "author": {"name": "Codertocat", "email": "21031067+Codertocat@users.noreply.github.com", "username": "Codertocat"},
                      "committer": {"name": "GitHub", "email": "noreply@github.com", "username": "web-flow"},
                      "added": [],
                      "removed": [],
                      "modified": ["README.md"]
                    }
                  ],
                  "head_commit": {
                    "id": "%3$s",
                    "tree_id": "f9d2a07e9488b91af2641b26b9407fe22a451433",
                    "distinct": true,
                    "message": "Update the menu",
                    "timestamp": "2019-05-15T15:20:55Z",
                    "url": "%4$s/commit/%3$s",
                    "author": {"name": "Codertocat", "email": "21031067+Codertocat@users.noreply.github.com", "username": "Codertocat"},
                    "committer": {"name": "GitHub", "email": "noreply@github.com", "username": "web-flow"},
                    "added": [],
                    "removed": [],
                    "modified": ["README.md"]
                  }
                }
                """.formatted(ref, before, after, web, path, path.substring(path.indexOf('/') + 1),
                web.replaceFirst("^https://", "git://") + ".git", "git@" + web.replaceFirst("^https://", "")
                        .replaceFirst("/", ":") + ".git", cloneUrl, before.substring(0, 12), after.substring(0, 12));
    }

    /** GitHub's create event (a branch or tag was created): {@code ref} is the bare name. */
    public static String githubCreate(String cloneUrl, String ref, String refType) {
        String web = cloneUrl.replaceFirst("\\.git$", "");
        return """
                {
                  "ref": "%s",
                  "ref_type": "%s",
                  "master_branch": "main",
                  "description": null,
                  "pusher_type": "user",
                  "repository": {
                    "id": 186853002,
                    "name": "Hello-World",
                    "full_name": "Codertocat/Hello-World",
                    "private": false,
                    "html_url": "%s",
                    "clone_url": "%s",
                    "default_branch": "main"
                  },
                  "sender": {"login": "Codertocat", "id": 21031067, "type": "User", "site_admin": false}
                }
                """.formatted(ref, refType, web, cloneUrl);
    }

    /** The headers GitHub sends with a delivery, signed over {@code body} exactly as sent. */
    public static Map<String, String> githubHeaders(String event, String deliveryId, String contentType, byte[] body,
                                                    String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "GitHub-Hookshot/044aadd");
        headers.put("Content-Type", contentType);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Hook-ID", "292430182");
        headers.put("X-GitHub-Hook-Installation-Target-ID", "79929171");
        headers.put("X-GitHub-Hook-Installation-Target-Type", "repository");
        headers.put("X-Hub-Signature", "sha1=" + hex("HmacSHA1", secret, body));
        headers.put("X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", secret, body));
        return headers;
    }

    /** GitHub's default content type: the JSON in the form field {@code payload}. */
    public static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** A GitLab push (Push Hook) or tag push (Tag Push Hook): object_kind and ref tell them apart. */
    public static String gitlabPush(String httpUrl, String ref, String before, String after, boolean tag) {
        String web = httpUrl.replaceFirst("\\.git$", "");
        String host = web.replaceFirst("^https://", "").replaceFirst("/.*", "");
        String path = web.replaceFirst("^https://[^/]+/", "");
        String ssh = "git@" + host + ":" + path + ".git";
        String kind = tag ? "tag_push" : "push";
        String commits = tag ? "[]" : """
                [
                    {
                      "id": "%1$s",
                      "message": "Update the menu\\n",
                      "title": "Update the menu",
                      "timestamp": "2011-12-12T14:27:31+02:00",
                      "url": "%2$s/-/commit/%1$s",
                      "author": {"name": "Jordi Mallach", "email": "jordi@softcatala.org"},
                      "added": ["CHANGELOG"],
                      "modified": ["app/controller/application.rb"],
                      "removed": []
                    }
                  ]""".formatted(after, web);
        return """
                {
                  "object_kind": "%1$s",
                  "event_name": "%1$s",
                  "before": "%2$s",
                  "after": "%3$s",
                  "ref": "%4$s",
                  "ref_protected": true,
                  "checkout_sha": "%3$s",
                  "message": null,
                  "user_id": 4,
                  "user_name": "John Smith",
                  "user_username": "jsmith",
                  "user_email": "john@example.com",
                  "project_id": 15,
                  "project": {
                    "id": 15,
                    "name": "Diaspora",
                    "description": "",
                    "web_url": "%5$s",
                    "avatar_url": null,
                    "git_ssh_url": "%6$s",
                    "git_http_url": "%7$s",
                    "namespace": "Mike",
                    "visibility_level": 0,
                    "path_with_namespace": "%8$s",
                    "default_branch": "main",
                    "homepage": "%5$s",
                    "url": "%6$s",
                    "ssh_url": "%6$s",
                    "http_url": "%7$s"
                  },
                  "repository": {
                    "name": "Diaspora",
                    "url": "%6$s",
                    "description": "",
                    "homepage": "%5$s",
                    "git_http_url": "%7$s",
                    "git_ssh_url": "%6$s",
                    "visibility_level": 0
                  },
                  "commits": %9$s,
                  "total_commits_count": %10$d
                }
                """.formatted(kind, before, after, ref, web, ssh, httpUrl, path, commits, tag ? 0 : 1);
    }

    /** The headers GitLab sends; the token is the secret itself. */
    public static Map<String, String> gitlabHeaders(String event, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "GitLab/17.5.0");
        headers.put("X-Gitlab-Event", event);
        headers.put("X-Gitlab-Webhook-UUID", UUID.randomUUID().toString());
        headers.put("X-Gitlab-Instance", "https://gitlab.example.com");
        headers.put("X-Gitlab-Event-UUID", UUID.randomUUID().toString());
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        headers.put("X-Gitlab-Token", token);
        return headers;
    }

    /** A Gitea (or Forgejo) push event. */
    public static String giteaPush(String cloneUrl, String ref, String before, String after) {
        String web = cloneUrl.replaceFirst("\\.git$", "");
        String host = web.replaceFirst("^https://", "").replaceFirst("/.*", "");
        String path = web.replaceFirst("^https://[^/]+/", "");
        return """
                {
                  "ref": "%1$s",
                  "before": "%2$s",
                  "after": "%3$s",
                  "compare_url": "%4$s/compare/%2$s...%3$s",
                  "commits": [
                    {
                      "id": "%3$s",
                      "message": "Webhooks Yay!\\n",
                      "url": "%4$s/commit/%3$s",
                      "author": {"name": "Gitea", "email": "someone@gitea.io", "username": "gitea"},
                      "committer": {"name": "Gitea", "email": "someone@gitea.io", "username": "gitea"},
                      "verification": null,
                      "timestamp": "2017-03-13T13:52:11-04:00",
                      "added": [],
                      "removed": [],
                      "modified": ["README.md"]
                    }
                  ],
                  "total_commits": 1,
                  "repository": {
                    "id": 140,
                    "owner": {"id": 1, "login": "gitea", "full_name": "Gitea", "email": "someone@gitea.io", "username": "gitea"},
                    "name": "webhooks",
                    "full_name": "%5$s",
                    "description": "",
                    "private": false,
                    "fork": false,
                    "html_url": "%4$s",
                    "ssh_url": "ssh://git@%6$s:2222/%5$s.git",
                    "clone_url": "%7$s",
                    "website": "",
                    "default_branch": "main",
                    "created_at": "2017-02-26T04:29:06-05:00",
                    "updated_at": "2017-03-13T13:51:58-04:00"
                  },
                  "pusher": {"id": 1, "login": "gitea", "full_name": "Gitea", "email": "someone@gitea.io", "username": "gitea"},
                  "sender": {"id": 1, "login": "gitea", "full_name": "Gitea", "email": "someone@gitea.io", "username": "gitea"}
                }
                """.formatted(ref, before, after, web, path, host, cloneUrl);
    }

    /**
     * The headers Gitea sends (Forgejo's add X-Forgejo-*). Every signature signs {@code document}, the JSON,
     * whether the body is that JSON or a form carrying it.
     */
    public static Map<String, String> giteaHeaders(String event, String deliveryId, String contentType, byte[] document,
                                                   String secret, boolean forgejo) {
        String sha256 = hex("HmacSHA256", secret, document);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("User-Agent", "Go-http-client/1.1");
        if (forgejo) {
            headers.put("X-Forgejo-Delivery", deliveryId);
            headers.put("X-Forgejo-Event", event);
            headers.put("X-Forgejo-Event-Type", event);
            headers.put("X-Forgejo-Signature", sha256);
        }
        headers.put("X-Gitea-Delivery", deliveryId);
        headers.put("X-Gitea-Event", event);
        headers.put("X-Gitea-Event-Type", event);
        headers.put("X-Gitea-Signature", sha256);
        headers.put("X-Gogs-Delivery", deliveryId);
        headers.put("X-Gogs-Event", event);
        headers.put("X-Gogs-Event-Type", event);
        headers.put("X-Gogs-Signature", sha256);
        headers.put("X-Hub-Signature", "sha1=" + hex("HmacSHA1", secret, document));
        headers.put("X-Hub-Signature-256", "sha256=" + sha256);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Event-Type", event);
        return headers;
    }

    private static String hex(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
