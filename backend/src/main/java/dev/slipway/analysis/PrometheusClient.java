package dev.slipway.analysis;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instant queries against Prometheus's HTTP API ({@code GET /api/v1/query}). Every way a query can fail
 * to give one number (unreachable, refused, malformed, no data, several series) becomes an error with a
 * sentence saying what to check, never a value: an analysis must not pass on a source that says nothing.
 */
public final class PrometheusClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public PrometheusClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A query's answer: one number, or why there is none. */
    public sealed interface Answer {

        record Value(double value) implements Answer {
        }

        record Failure(String reason) implements Answer {
        }
    }

    /** Runs the template's query for the placeholders at the given instant and classes the answer. */
    public Measurement measure(MetricTemplate template, URI prometheus, Map<String, String> placeholders, Instant at)
            throws InterruptedException {
        String promql;
        try {
            promql = template.render(placeholders);
        } catch (IllegalArgumentException e) {
            return Measurement.error(at, e.getMessage());
        }
        return switch (query(prometheus, promql, at)) {
            case Answer.Value v -> new Measurement(at, template.classify(v.value()), v.value(), null);
            case Answer.Failure f -> Measurement.error(at, f.reason());
        };
    }

    /**
     * @param prometheus the server's base URL, with a path prefix if it has one (http://prometheus:9090)
     * @throws InterruptedException when the thread is interrupted (Slipway stopping): not a measurement
     */
    public Answer query(URI prometheus, String promql, Instant at) throws InterruptedException {
        java.util.Optional<String> problem = urlProblem(prometheus);
        if (problem.isPresent()) {
            return new Answer.Failure(problem.get());
        }
        String base = prometheus.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%03d",
                at.getNano() / 1_000_000));
        HttpResponse<java.io.InputStream> response;
        byte[] body;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer.Failure("Prometheus at " + base + " did not answer within " + timeout.toSeconds()
                    + " s; the query may be too heavy, or the server overloaded");
        } catch (IOException e) {
            return new Answer.Failure("could not reach Prometheus at " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the environment's Prometheus URL");
        }
        if (body.length > MAX_BODY) {
            return new Answer.Failure("Prometheus answered with more than " + MAX_BODY + " bytes; a query for one"
                    + " number should answer with a few hundred: aggregate it (sum, max, histogram_quantile)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Answer.Failure("Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with something that is not its query API's JSON; check that the URL points at Prometheus");
        }
        if (!"success".equals(root.path("status").asString(""))) {
            return new Answer.Failure("Prometheus refused the query (HTTP " + response.statusCode() + ", "
                    + root.path("errorType").asString("unknown error") + "): " + root.path("error").asString("no reason given"));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asString("");
        return switch (type) {
            case "scalar" -> number(data.path("result"));
            case "vector" -> {
                JsonNode series = data.path("result");
                if (!series.isArray() || series.isEmpty()) {
                    yield new Answer.Failure("the query returned no data; check its labels, and that the app exports"
                            + " the metric and has had traffic since it started");
                }
                if (series.size() > 1) {
                    yield new Answer.Failure("the query returned " + series.size() + " series where one number is"
                            + " needed; aggregate it (sum, max, avg)");
                }
                yield number(series.get(0).path("value"));
            }
            default -> new Answer.Failure("the query returns a " + (type.isEmpty() ? "malformed result" : type)
                    + "; an analysis needs one number (an instant vector of one series, or a scalar)");
        };
    }

    /** A range query's answer: a series of [time, value] per value of one label, or why there is none. */
    public sealed interface Range {

        /** @param series by the value of the label the query groups by ("" when it has none) */
        record Series(Map<String, List<Map.Entry<Instant, Double>>> series) implements Range {
        }

        record Failure(String reason) implements Range {
        }
    }

    /**
     * {@code GET /api/v1/query_range}: the query's matrix, keyed by {@code label} (e.g. release). Values
     * that are not numbers ("NaN") come back as NaN, so charts show a gap.
     */
    public Range range(URI prometheus, String promql, Instant start, Instant end, Duration step, String label)
            throws InterruptedException {
        java.util.Optional<String> problem = urlProblem(prometheus);
        if (problem.isPresent()) {
            return new Range.Failure(problem.get());
        }
        String base = prometheus.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step="
                + Math.max(1, step.toSeconds()));
        byte[] body;
        int status;
        try {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (java.io.InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY * 8 + 1);
            }
        } catch (IOException e) {
            return new Range.Failure("could not reach Prometheus at " + base + " (" + e.getClass().getSimpleName()
                    + "); check the environment's Prometheus URL");
        }
        if (body.length > MAX_BODY * 8) {
            return new Range.Failure("Prometheus answered with more than " + (MAX_BODY * 8) + " bytes; choose a"
                    + " shorter time range");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Range.Failure("Prometheus at " + base + " answered HTTP " + status + " with something that is"
                    + " not its query API's JSON; check that the URL points at Prometheus");
        }
        if (!"success".equals(root.path("status").asString(""))) {
            return new Range.Failure("Prometheus refused the query (HTTP " + status + "): "
                    + root.path("error").asString("no reason given"));
        }
        Map<String, List<Map.Entry<Instant, Double>>> series = new java.util.TreeMap<>();
        for (JsonNode one : root.path("data").path("result")) {
            List<Map.Entry<Instant, Double>> points = new java.util.ArrayList<>();
            for (JsonNode pair : one.path("values")) {
                if (pair.isArray() && pair.size() == 2) {
                    double value;
                    try {
                        value = Double.parseDouble(pair.get(1).asString("NaN").replace("+Inf", "Infinity")
                                .replace("-Inf", "-Infinity"));
                    } catch (NumberFormatException e) {
                        value = Double.NaN;
                    }
                    points.add(Map.entry(Instant.ofEpochMilli((long) (pair.get(0).asDouble() * 1000)), value));
                }
            }
            series.put(one.path("metric").path(label).asString(""), points);
        }
        return new Range.Series(series);
    }

    /** What is wrong with a Prometheus base URL, in words; empty when it can be queried. */
    public static java.util.Optional<String> urlProblem(URI prometheus) {
        String scheme = prometheus.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || prometheus.getHost() == null) {
            return java.util.Optional.of("the Prometheus URL must be http:// or https:// with a host, e.g."
                    + " http://prometheus.monitoring:9090");
        }
        if (prometheus.getRawUserInfo() != null || prometheus.getRawQuery() != null || prometheus.getRawFragment() != null) {
            return java.util.Optional.of("the Prometheus URL must not contain credentials, a query (?...) or a"
                    + " fragment (#...)");
        }
        return java.util.Optional.empty();
    }

    /** {@code [<unix time>, "<value>"]}, where the value is a string such as "0.05", "NaN" or "+Inf". */
    private static Answer number(JsonNode pair) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isString()) {
            return new Answer.Failure("Prometheus's answer has no [time, value] pair where one was expected");
        }
        String text = pair.get(1).asString();
        try {
            return new Answer.Value(switch (text) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            });
        } catch (NumberFormatException e) {
            return new Answer.Failure("Prometheus's value \"" + text + "\" is not a number");
        }
    }
}
