package dev.slipway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.apps.AppService;
import dev.slipway.shared.Actor;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.WebhookPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhook deliveries that are broken but correctly signed (what a buggy provider, or a member who knows
 * the secret, can send) and deliveries at paths that do not exist: never a server error, and every
 * refusal is problem+json. The REST API's own walk is {@code BadInputTest}.
 */
@ShippedApplicationTest
class WebhookBadInputTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AppService apps;
    @Autowired
    WebhookService webhooks;

    @Test
    void signed_but_broken_deliveries_and_unknown_paths_never_get_a_server_error() throws IOException {
        Actor admin = fixtures.bootstrapAdmin();
        String team = fixtures.team();
        String app = Fixtures.unique("hooked");
        String url = "https://git.example.com/" + team + "/" + app + ".git";
        apps.create(admin, Fixtures.gitApp(team, app, url));
        String secret = webhooks.rotateSecret(admin, app);

        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "{\"ref\":");
        bodies.put("an array", "[]");
        bodies.put("null", "null");
        bodies.put("empty", "");
        String push = WebhookPayloads.githubPush(url, "refs/heads/main", "0".repeat(40), "a".repeat(40));
        bodies.put("NUL in the ref", push.replace("\"refs/heads/main\"", "\"refs/heads/ma\\u0000in\""));
        bodies.put("NUL in the commit", push.replace("\"" + "a".repeat(40) + "\"", "\"a\\u0000b\""));
        bodies.put("a huge ref", push.replace("\"refs/heads/main\"", "\"refs/heads/" + "x".repeat(100_000) + "\""));
        bodies.put("a bidi ref", push.replace("\"refs/heads/main\"", "\"refs/heads/\u202Emain\""));
        bodies.put("no ref", "{\"after\": \"" + "a".repeat(40) + "\", \"repository\": {\"clone_url\": \"" + url + "\"}}");
        bodies.put("ref of the wrong type", "{\"ref\": 12, \"after\": [], \"repository\": \"x\"}");
        bodies.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("a bad commit id", push.replace("\"" + "a".repeat(40) + "\"", "\"not-a-sha; rm -rf /\""));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            byte[] bytes = body.getValue().getBytes(StandardCharsets.UTF_8);
            for (String contentType : List.of("application/json", "application/x-www-form-urlencoded")) {
                byte[] sent = contentType.startsWith("application/json") ? bytes
                        : WebhookPayloads.form(body.getValue()).getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = WebhookPayloads.githubHeaders("push", UUID.randomUUID().toString(),
                        contentType, sent, secret);
                check("github " + body.getKey() + " as " + contentType, "/hooks/github/" + app, headers, sent, failures);
            }
            Map<String, String> gitlab = WebhookPayloads.gitlabHeaders("Push Hook", secret);
            check("gitlab " + body.getKey(), "/hooks/gitlab/" + app, gitlab, bytes, failures);
            Map<String, String> gitea = WebhookPayloads.giteaHeaders("push", UUID.randomUUID().toString(),
                    "application/json", bytes, secret, false);
            check("gitea " + body.getKey(), "/hooks/gitea/" + app, gitea, bytes, failures);
        }
        byte[] ping = "{}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/hooks/github/no-such-app", "/hooks/bitbucket/" + app, "/hooks/github/%00",
                "/hooks/github/a%2Fb", "/hooks/github/..", "/hooks/github/" + "a".repeat(3000), "/hooks/github/A;b",
                "/hooks/github", "/hooks")) {
            check("path " + path.substring(0, Math.min(path.length(), 60)), path, Map.of("Content-Type",
                    "application/json", "X-GitHub-Event", "push"), ping, failures);
        }

        assertThat(failures).as("deliveries answered wrongly").isEmpty();
    }

    private void check(String label, String target, Map<String, String> headers, byte[] body, List<String> failures)
            throws IOException {
        String answer = post(target, headers, body);
        int status = Integer.parseInt(answer.substring(9, 12));
        boolean problemJson = answer.lines().takeWhile(line -> !line.isEmpty())
                .anyMatch(line -> line.toLowerCase().startsWith("content-type: application/problem+json"));
        if (status >= 500 || (status >= 300 && status < 400) || (status >= 400 && !problemJson)) {
            failures.add(label + " -> " + answer.lines().findFirst().orElse("") + " "
                    + answer.substring(Math.max(0, answer.indexOf("\r\n\r\n")), Math.min(answer.length(),
                    answer.indexOf("\r\n\r\n") + 200)));
        }
    }

    private String post(String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
