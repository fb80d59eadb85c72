package dev.slipway.cli.api;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Text;
import dev.slipway.cli.Version;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Slipway's REST API with a bearer token, over the JDK's HTTP client. Errors become exceptions with
 * a message for the user: the API's problem detail, or which URL could not be reached and what to check.
 * Redirects are not followed, so the token goes to the URL it was given for and nowhere else.
 */
public final class SlipwayClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{}");

    private final String baseUrl;
    private final String token;
    private final HttpClient http;
    private final JsonMapper json;

    public SlipwayClient(String baseUrl, String token, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** An answer of the API; its body is JSON or empty. */
    public record Response(int status, String body, JsonMapper json) {

        public <T> T read(Class<T> type) {
            return json.readValue(body, type);
        }

        public <T> T read(TypeReference<T> type) {
            return json.readValue(body, type);
        }

        public JsonNode tree() {
            return json.readTree(body);
        }

        /** The body as the API sent it, indented for reading; what {@code -o json} prints. */
        public String pretty() {
            return body.isBlank() ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        }
    }

    /**
     * A path with each {} replaced by the next value, percent-encoded as one path segment, so a name
     * with a slash or a space cannot reach another endpoint.
     */
    public static String path(String template, Object... values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException("more {} than values in " + template);
            }
            String encoded = URLEncoder.encode(String.valueOf(values[i++]), StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        if (i != values.length) {
            throw new IllegalArgumentException("fewer {} than values in " + template);
        }
        return out.toString();
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    private Response send(String method, String path, Object body) {
        String url = baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "slipway-cli/" + Version.current());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            String text = json.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCodes.NOT_CONNECTED, unreachable(baseUrl, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "Interrupted while waiting for " + url, e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int status = response.statusCode();
        if (status >= 400) {
            throw problem(url, status, contentType, response.body());
        }
        if (status >= 300) {
            throw new CliException(ExitCodes.NOT_CONNECTED, url + " answered with a redirect to "
                    + response.headers().firstValue("Location").orElse("somewhere else")
                    + ". Check the URL you logged in with (https instead of http? a path in front of /api?)");
        }
        if (!response.body().isBlank() && !contentType.contains("json")) {
            throw new CliException(ExitCodes.NOT_CONNECTED, url + " did not answer like Slipway's API (HTTP " + status
                    + ", " + (contentType.isEmpty() ? "no content type" : contentType) + "). Check the URL: it is"
                    + " Slipway's address, e.g. http://localhost:8080, without /api");
        }
        return new Response(status, response.body(), json);
    }

    /** The API's problem detail, or the status and URL when the answer is not a problem document. */
    ApiException problem(String url, int status, String contentType, String body) {
        if (contentType.contains("json") && !body.isBlank()) {
            try {
                JsonNode problem = json.readTree(body);
                String detail = problem.path("detail").asString("");
                String title = problem.path("title").asString("");
                String type = problem.path("type").asString("");
                if (!detail.isBlank() || !title.isBlank()) {
                    return new ApiException(status, type, Text.clean(detail.isBlank() ? title : detail));
                }
            } catch (JacksonException notJson) {
                // fall through to the generic message
            }
        }
        return new ApiException(status, "", url + " answered HTTP " + status + (status == 404
                ? ": no such endpoint. Is this Slipway, and as new as this client (" + Version.current() + ")?"
                : status >= 500 ? ": Slipway or a proxy in front of it failed; its log tells more" : ""));
    }

    /** What went wrong when {@code baseUrl} could not be talked to, and what to check. */
    static String unreachable(String baseUrl, IOException e) {
        String where = "Cannot reach Slipway at " + baseUrl + ": ";
        String check = ". Check the URL (slipway login URL, or SLIPWAY_URL) and that Slipway is running there";
        Throwable cause = rootCause(e);
        if (e instanceof HttpConnectTimeoutException) {
            return where + "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s" + check
                    + "; a proxy, VPN or firewall may be in the way";
        }
        if (e instanceof HttpTimeoutException) {
            return "Slipway at " + baseUrl + " took the request but did not answer within " + REQUEST_TIMEOUT.toSeconds()
                    + " s. It may be overloaded; try again, and see its log";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return where + "unknown host " + URI.create(baseUrl).getHost() + check;
        }
        if (e instanceof SSLException || cause instanceof SSLException) {
            return "TLS with " + baseUrl + " failed: " + cause.getMessage() + ". If Slipway serves plain HTTP there,"
                    + " log in with http://; if its certificate is from a private CA, give Java its trust store"
                    + " (SLIPWAY_JAVA_OPTS=-Djavax.net.ssl.trustStore=...)";
        }
        if (e instanceof ConnectException || cause instanceof ConnectException) {
            return where + "connection refused" + check;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return where + message + check;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
