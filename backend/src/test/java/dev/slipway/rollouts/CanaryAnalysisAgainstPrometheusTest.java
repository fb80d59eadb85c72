package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.analysis.Measurement;
import dev.slipway.analysis.PrometheusClient;
import dev.slipway.analysis.MetricTemplateService;
import dev.slipway.analysis.MetricTemplateSpec;
import dev.slipway.apps.AppService;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.releases.ReleaseService;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.PrometheusServer;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team's own metric template measured against a real Prometheus (Debian's, which scrapes itself), as
 * an analysis in an environment with a Prometheus URL measures it: stored, and on the timeline.
 */
@SlipwayTest
class CanaryAnalysisAgainstPrometheusTest {

    static PrometheusServer prometheus;

    @Autowired
    CanaryAnalysis analyses;
    @Autowired
    AnalysisMeasurements measurements;
    @Autowired
    MetricTemplateService templates;
    @Autowired
    DeployService deploys;
    @Autowired
    AppService apps;
    @Autowired
    ReleaseService releases;
    @Autowired
    Fixtures fixtures;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PrometheusServer.installed(), "needs Debian's prometheus (.ci/run installs it)");
        prometheus = PrometheusServer.start();
        // the first scrape, a second after start, gives the series the template asks for
        PrometheusClient client = new PrometheusClient(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> client.query(
                prometheus.url(), "count(prometheus_build_info)", Instant.now()) instanceof PrometheusClient.Answer.Value);
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void a_teams_template_is_measured_on_the_environments_prometheus_and_a_query_without_data_is_an_error() {
        String team = fixtures.team();
        var maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        templates.create(maintainer, new MetricTemplateSpec("scrapes-up", team, "Prometheus scrapes itself",
                "count(prometheus_build_info) or vector(0)", "result >= 1", "result < 1", 5, 2, 0, 0, 0, 0));
        templates.create(maintainer, new MetricTemplateSpec("no-such-series", team, "Nothing",
                "sum(no_such_metric{app=\"{{app}}\",release=\"{{release}}\"})", "result < 1", null, 5, 2, 0, 0, 0, 0));
        String app = fixtures.app(team).name();
        RolloutView rollout = deploys.deploy(maintainer, app, "dev",
                new DeployRequest("registry.example.com/shop/app:1.0", null));
        long appId = fixtures.appId(app);
        EnvironmentView measured = new EnvironmentView("staging", "", 2, "real", ClusterKind.KUBERNETES,
                "{team}-{env}", true, false, prometheus.url().toString(), null);
        List<Note> notes = new ArrayList<>();
        Instant now = Instant.now();

        List<MetricRun> runs = analyses.measure(rollout.id(), 4, "Step 5", List.of("scrapes-up", "no-such-series"),
                "canary", measured, apps.ref(appId), releases.get(appId, fixtures.environmentId("dev"), 1),
                now.minusSeconds(60), now, notes);

        assertThat(runs).hasSize(2);
        assertThat(runs.getFirst().measurements()).singleElement().satisfies(m -> {
            assertThat(m.phase()).isEqualTo(Measurement.Phase.SUCCESSFUL);
            assertThat(m.value()).isGreaterThanOrEqualTo(1.0);
        });
        assertThat(runs.get(1).measurements()).singleElement().satisfies(m -> {
            assertThat(m.phase()).isEqualTo(Measurement.Phase.ERROR);
            assertThat(m.error()).contains("returned no data");
        });
        assertThat(measurements.of(rollout.id(), 4, "scrapes-up")).hasSize(1);
        assertThat(notes).extracting(Note::message)
                .anyMatch(n -> n.startsWith("Step 5: Prometheus scrapes itself is "))
                .anyMatch(n -> n.startsWith("Step 5: Nothing could not be measured"));
    }
}
