package dev.slipway.metrics;

import dev.slipway.analysis.PrometheusClient;
import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.metrics.EnvironmentMetrics.Chart;
import dev.slipway.metrics.EnvironmentMetrics.Point;
import dev.slipway.metrics.EnvironmentMetrics.Series;
import dev.slipway.metrics.EnvironmentMetrics.Unit;
import dev.slipway.rollouts.DeployService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An app's metrics per environment over a time range: request rate, error rate, p50 and p99 latency,
 * CPU, memory, restarts and ready pods, one series per release. A real environment is asked through its
 * Prometheus, which must scrape the app with {@code app}, {@code env} and {@code release} labels (the same
 * convention the analysis templates use); the sandbox answers from its recorded samples.
 */
@Service
public class MetricsService {

    /** Time ranges a page offers; longer ones would need coarser samples than a chart can show usefully. */
    public static final List<Duration> RANGES = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofDays(1));
    /** Points per series a chart gets at most. */
    static final int POINTS = 180;

    private record Metric(String key, String title, Unit unit, String column, String promql) {
    }

    private static final String REQUESTS = "http_server_requests_seconds_count{app=\"{{app}}\",env=\"{{env}}\"}";
    private static final List<Metric> METRICS = List.of(
            new Metric("requests", "Requests per second", Unit.PER_SECOND, "request_rate",
                    "sum by (release) (rate(" + REQUESTS + "[2m]))"),
            new Metric("errors", "Error rate (5xx)", Unit.PERCENT, "error_rate",
                    "sum by (release) (rate(" + REQUESTS.replace("}", ",status=~\"5..\"}") + "[2m])) / sum by (release)"
                            + " (rate(" + REQUESTS + "[2m]))"),
            new Metric("p50", "p50 latency", Unit.SECONDS, "p50_latency", quantile("0.5")),
            new Metric("p99", "p99 latency", Unit.SECONDS, "p99_latency", quantile("0.99")),
            new Metric("cpu", "CPU", Unit.CORES, "cpu_cores",
                    "sum by (release) (rate(process_cpu_seconds_total{app=\"{{app}}\",env=\"{{env}}\"}[2m]))"),
            new Metric("memory", "Memory", Unit.BYTES, "memory_bytes",
                    "sum by (release) (process_resident_memory_bytes{app=\"{{app}}\",env=\"{{env}}\"})"),
            new Metric("restarts", "Restarts", Unit.COUNT, "restarts",
                    "sum by (release) (kube_pod_container_status_restarts_total{namespace=\"{{namespace}}\","
                            + "container=\"app\"} * on (namespace, pod) group_left (release) label_replace("
                            + "kube_pod_labels{namespace=\"{{namespace}}\",label_slipway_dev_app=\"{{app}}\"},"
                            + " \"release\", \"$1\", \"label_slipway_dev_release\", \"(.*)\"))"),
            new Metric("ready", "Ready pods", Unit.COUNT, "ready_pods",
                    "sum by (release) (kube_pod_status_ready{namespace=\"{{namespace}}\",condition=\"true\"}"
                            + " * on (namespace, pod) group_left (release) label_replace(kube_pod_labels{namespace="
                            + "\"{{namespace}}\",label_slipway_dev_app=\"{{app}}\"}, \"release\", \"$1\","
                            + " \"label_slipway_dev_release\", \"(.*)\"))"));

    private static String quantile(String q) {
        return "histogram_quantile(" + q + ", sum by (release, le) (rate(http_server_requests_seconds_bucket{app=\"{{app}}\","
                + "env=\"{{env}}\"}[2m])))";
    }

    private final AppService apps;
    private final EnvironmentService environments;
    private final DeployService deploys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PrometheusClient prometheus = new PrometheusClient(Duration.ofSeconds(10));

    MetricsService(AppService apps, EnvironmentService environments, DeployService deploys, JdbcClient jdbc,
                   Clock clock) {
        this.apps = apps;
        this.environments = environments;
        this.deploys = deploys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The app's metrics in the environment over the last {@code range}. The team's VIEWERs may look. */
    public EnvironmentMetrics metrics(Actor actor, String appName, String environmentName, Duration range) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        EnvironmentView environment = environments.get(environmentName);
        Instant to = clock.instant();
        Instant from = to.minus(range);
        List<EnvironmentMetrics.Marker> markers = deploys.marks(actor, appName, environmentName, from).stream()
                .map(m -> new EnvironmentMetrics.Marker(m.at(), m.label())).toList();
        if (environment.simulated()) {
            return new EnvironmentMetrics(from, to, "Simulated by the sandbox from its pods and each release's"
                    + " sandbox behaviour", null, sampled(app.id(), environments.idOf(environmentName), from), markers);
        }
        if (environment.prometheusUrl() == null) {
            return new EnvironmentMetrics(from, to, "none", "Environment " + environmentName + " has no Prometheus"
                    + " URL. An admin sets one under Platform > Environments; then these charts fill in.", List.of(),
                    markers);
        }
        return queried(app, environment, from, to, markers);
    }

    private List<Chart> sampled(long appId, long environmentId, Instant from) {
        Map<String, Map<String, List<Point>>> byMetric = new LinkedHashMap<>();
        METRICS.forEach(m -> byMetric.put(m.key(), new TreeMap<>()));
        jdbc.sql("select * from metric_samples where app_id = ? and environment_id = ? and sampled_at >= ?"
                        + " order by sampled_at")
                .params(appId, environmentId, java.sql.Timestamp.from(from))
                .query((ResultSet rs) -> {
                    String release = "v" + rs.getInt("release");
                    Instant at = rs.getTimestamp("sampled_at").toInstant();
                    for (Metric m : METRICS) {
                        byMetric.get(m.key()).computeIfAbsent(release, r -> new ArrayList<>())
                                .add(new Point(at, value(rs, m.column())));
                    }
                });
        return METRICS.stream().map(m -> new Chart(m.key(), m.title(), m.unit(), byMetric.get(m.key()).entrySet()
                .stream().map(e -> new Series(e.getKey(), thin(e.getValue()))).toList())).toList();
    }

    private static double value(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** At most {@link #POINTS} points: every n-th sample, the newest always kept. */
    private static List<Point> thin(List<Point> points) {
        if (points.size() <= POINTS) {
            return points;
        }
        int every = (int) Math.ceil(points.size() / (double) POINTS);
        List<Point> kept = new ArrayList<>();
        for (int i = (points.size() - 1) % every; i < points.size(); i += every) {
            kept.add(points.get(i));
        }
        return kept;
    }

    private EnvironmentMetrics queried(AppRef app, EnvironmentView environment, Instant from, Instant to,
                                       List<EnvironmentMetrics.Marker> markers) {
        URI url = URI.create(environment.prometheusUrl());
        Duration step = Duration.between(from, to).dividedBy(POINTS);
        String namespace = environment.namespaceFor(app.team(), app.name());
        List<Chart> charts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Metric m : METRICS) {
            String promql = m.promql().replace("{{app}}", app.name()).replace("{{env}}", environment.name())
                    .replace("{{namespace}}", namespace);
            PrometheusClient.Range answer;
            try {
                answer = prometheus.range(url, promql, from, to, step, "release");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            switch (answer) {
                case PrometheusClient.Range.Series s -> charts.add(new Chart(m.key(), m.title(), m.unit(),
                        s.series().entrySet().stream().map(e -> new Series(e.getKey().isEmpty() ? "all"
                                : "v" + e.getKey(), e.getValue().stream().map(p -> new Point(p.getKey(), p.getValue()))
                                .toList())).toList()));
                case PrometheusClient.Range.Failure f -> {
                    failures.add(m.title() + ": " + f.reason());
                    charts.add(new Chart(m.key(), m.title(), m.unit(), List.of()));
                }
            }
        }
        String unavailable = failures.size() == METRICS.size() ? failures.getFirst() : null;
        return new EnvironmentMetrics(from, to, "Prometheus at " + environment.prometheusUrl(), unavailable, charts,
                markers);
    }
}
