package dev.slipway.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a local HTTP server answering with responses recorded from Prometheus's query API,
 * for what a real Prometheus cannot be made to send: malformed bodies, errors, slowness.
 * PrometheusClientAgainstPrometheusTest runs it against the real server.
 */
class PrometheusClientTest {

    static final Instant AT = Instant.parse("2026-12-02T07:00:00Z");

    HttpServer server;
    final Map<String, Recorded> answers = new ConcurrentHashMap<>();
    final Map<String, String> asked = new ConcurrentHashMap<>();
    final PrometheusClient client = new PrometheusClient(Duration.ofSeconds(2));

    record Recorded(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prom/api/v1/query", exchange -> {
            try (exchange) {
                String query = exchange.getRequestURI().getRawQuery();
                Map<String, String> params = new java.util.HashMap<>();
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                asked.put("query", params.get("query"));
                asked.put("time", params.get("time"));
                Recorded answer = answers.getOrDefault(params.get("query"), new Recorded(200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI prometheus() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom/");
    }

    @Test
    void a_vector_of_one_series_gives_its_value_and_the_query_is_sent_with_the_time() throws Exception {
        answers.put("up", new Recorded(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"up","job":"shop"},"value":[1764658800.000,"0.072"]}]}}"""));

        assertThat(client.query(prometheus(), "up", AT)).isEqualTo(new PrometheusClient.Answer.Value(0.072));
        assertThat(asked).containsEntry("query", "up").containsEntry("time", "1796194800.000");
    }

    @Test
    void a_scalar_and_the_special_values_are_numbers() throws Exception {
        answers.put("scalar(1)", new Recorded(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1764658800,\"1\"]}}"));
        answers.put("nan", new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1764658800,\"NaN\"]}]}}"));
        answers.put("inf", new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1764658800,\"+Inf\"]}]}}"));

        assertThat(client.query(prometheus(), "scalar(1)", AT)).isEqualTo(new PrometheusClient.Answer.Value(1));
        assertThat(((PrometheusClient.Answer.Value) client.query(prometheus(), "nan", AT)).value()).isNaN();
        assertThat(client.query(prometheus(), "inf", AT))
                .isEqualTo(new PrometheusClient.Answer.Value(Double.POSITIVE_INFINITY));
    }

    @Test
    void no_data_several_series_a_matrix_a_refusal_and_a_malformed_body_are_failures_that_say_what_to_check()
            throws Exception {
        answers.put("two", new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"pod\":\"a\"},\"value\":[1,\"1\"]},{\"metric\":{\"pod\":\"b\"},\"value\":[1,\"2\"]}]}}"));
        answers.put("range[1m]", new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[{\"metric\":{},\"values\":[[1,\"1\"]]}]}}"));
        answers.put("sum(", new Recorded(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                + "\"invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis\"}"));
        answers.put("html", new Recorded(200, "<html><body>Grafana</body></html>"));
        answers.put("text", new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1,\"fast\"]}]}}"));

        assertThat(reason("absent_metric")).contains("no data").contains("labels");
        assertThat(reason("two")).contains("2 series").contains("aggregate");
        assertThat(reason("range[1m]")).contains("matrix").contains("one number");
        assertThat(reason("sum(")).contains("HTTP 400").contains("bad_data").contains("unclosed left parenthesis");
        assertThat(reason("html")).contains("not its query API's JSON");
        assertThat(reason("text")).contains("\"fast\" is not a number");
    }

    @Test
    void an_unreachable_server_or_an_unusable_url_is_a_failure_naming_it() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        PrometheusClient.Answer answer = client.query(URI.create("http://127.0.0.1:" + port), "up", AT);

        assertThat(answer).isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class, f -> assertThat(f.reason())
                .contains("could not reach Prometheus at http://127.0.0.1:" + port).contains("Prometheus URL"));
        assertThat(client.query(URI.create("prometheus:9090"), "up", AT))
                .isEqualTo(new PrometheusClient.Answer.Failure("the Prometheus URL must be http:// or https:// with a"
                        + " host, e.g. http://prometheus.monitoring:9090"));
        assertThat(client.query(URI.create("http://admin:pw@prometheus:9090"), "up", AT))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class, f -> assertThat(f.reason())
                        .contains("must not contain credentials").doesNotContain("pw"));
    }

    @Test
    void a_measurement_renders_the_template_and_classes_the_value() throws Exception {
        MetricTemplate errors = MetricTemplate.errorRate();
        String query = errors.render(Map.of("app", "shop", "env", "prod", "release", "7", "slot", "canary"));
        answers.put(query, new Recorded(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1,\"0.072\"]}]}}"));

        Measurement measured = client.measure(errors, prometheus(), Map.of("app", "shop", "env", "prod", "release", "7",
                "slot", "canary"), AT);

        assertThat(measured.phase()).isEqualTo(Measurement.Phase.FAILED);
        assertThat(measured.value()).isEqualTo(0.072);
        assertThat(asked.get("query")).contains("app=\"shop\"").contains("env=\"prod\"").contains("release=\"7\"");
        assertThat(client.measure(errors, prometheus(), Map.of("app", "other"), AT).phase())
                .as("no data is an error, never a success").isEqualTo(Measurement.Phase.ERROR);
    }

    private String reason(String query) throws InterruptedException {
        PrometheusClient.Answer answer = client.query(prometheus(), query, AT);
        assertThat(answer).isInstanceOf(PrometheusClient.Answer.Failure.class);
        return ((PrometheusClient.Answer.Failure) answer).reason();
    }
}
