package dev.slipway.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a real Prometheus (.ci/run installs Debian's prometheus), which scrapes itself: the
 * answers are Prometheus's own, not recorded ones. PrometheusClientTest covers what a real server cannot
 * be made to send (malformed bodies, timeouts).
 */
class PrometheusClientAgainstPrometheusTest {

    static PrometheusServer prometheus;
    final PrometheusClient client = new PrometheusClient(Duration.ofSeconds(10));

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PrometheusServer.installed(), "needs Debian's prometheus (.ci/run installs it)");
        prometheus = PrometheusServer.start();
        // the first scrape, a second after start, gives the series the tests ask for
        PrometheusClient client = new PrometheusClient(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                client.query(prometheus.url(), "up{job=\"prometheus\"}", Instant.now()) instanceof PrometheusClient.Answer.Value);
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void one_series_and_a_scalar_are_one_number_each() throws Exception {
        assertThat(client.query(prometheus.url(), "up{job=\"prometheus\"}", Instant.now()))
                .isEqualTo(new PrometheusClient.Answer.Value(1.0));
        assertThat(client.query(prometheus.url(), "scalar(up{job=\"prometheus\"}) * 0.5", Instant.now()))
                .isEqualTo(new PrometheusClient.Answer.Value(0.5));
    }

    @Test
    void a_query_that_matches_nothing_is_no_data_never_a_number() throws Exception {
        assertThat(client.query(prometheus.url(), "up{job=\"no-such-app\"}", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class,
                        f -> assertThat(f.reason()).contains("returned no data"));
    }

    @Test
    void several_series_a_range_and_bad_promql_each_fail_with_what_to_change() throws Exception {
        assertThat(client.query(prometheus.url(), "up{job=\"prometheus\"} or vector(1)", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class,
                        f -> assertThat(f.reason()).contains("2 series").contains("aggregate it"));
        assertThat(client.query(prometheus.url(), "up[1m]", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class,
                        f -> assertThat(f.reason()).contains("returns a matrix"));
        assertThat(client.query(prometheus.url(), "rate(up[", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class,
                        f -> assertThat(f.reason()).contains("Prometheus refused the query").contains("bad_data"));
    }

    @Test
    void a_division_by_zero_is_passed_on_as_the_nan_prometheus_computes() throws Exception {
        // an error rate over a window without requests is 0/0; MetricTemplate counts it as inconclusive
        assertThat(client.query(prometheus.url(), "scalar(up{job=\"prometheus\"}) * 0 / 0", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Value.class, v -> assertThat(v.value()).isNaN());
    }

    @Test
    void a_url_with_a_path_prefix_that_is_not_prometheus_says_so() throws Exception {
        assertThat(client.query(prometheus.url().resolve("/graph"), "up", Instant.now()))
                .isInstanceOfSatisfying(PrometheusClient.Answer.Failure.class,
                        f -> assertThat(f.reason()).containsAnyOf("not its query API's JSON", "refused the query"));
    }

    @Test
    void a_range_query_gives_a_series_per_value_of_the_grouping_label_and_bad_promql_says_why() throws Exception {
        // the range ends a little ahead: right after start the only scrape may be newer than "now" in whole seconds
        Instant now = Instant.now().plusSeconds(30);
        PrometheusClient.Range range = client.range(prometheus.url(), "sum by (job) (up)", now.minusSeconds(90), now,
                Duration.ofSeconds(15), "job");

        assertThat(range).isInstanceOfSatisfying(PrometheusClient.Range.Series.class, s -> {
            assertThat(s.series()).containsKey("prometheus");
            assertThat(s.series().get("prometheus")).isNotEmpty()
                    .allSatisfy(point -> assertThat(point.getValue()).isEqualTo(1.0));
        });
        assertThat(client.range(prometheus.url(), "sum by (job (up", now.minusSeconds(60), now, Duration.ofSeconds(15),
                "job")).isInstanceOfSatisfying(PrometheusClient.Range.Failure.class,
                f -> assertThat(f.reason()).startsWith("Prometheus refused the query (HTTP 400)"));
    }
}
