package dev.slipway.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.shared.Actor;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SlipwayTest
class EnvironmentServiceTest {

    @Autowired
    EnvironmentService environments;
    @Autowired
    ClusterService clusters;
    @Autowired
    Fixtures fixtures;

    Actor admin;
    String cluster;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        cluster = Fixtures.unique("c");
        clusters.register(admin, ClusterSpec.sandbox(cluster, ""));
    }

    @Test
    void a_fresh_database_has_dev_staging_and_prod_on_the_sandbox_with_prod_protected() {
        // other tests add environments to the shared database; the seeded three keep their order
        List<EnvironmentView> all = environments.list().stream()
                .filter(e -> List.of("dev", "staging", "prod").contains(e.name())).toList();

        assertThat(all).extracting(EnvironmentView::name).containsExactly("dev", "staging", "prod");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.cluster()).isEqualTo("sandbox");
            assertThat(e.clusterKind()).isEqualTo(ClusterKind.SANDBOX);
        });
        assertThat(all.get(2).protectedEnvironment()).isTrue();
    }

    @Test
    void a_new_environment_goes_last_and_can_be_moved_earlier() {
        String name = Fixtures.unique("qa");
        environments.create(admin, new EnvironmentSpec(name, "QA", cluster, "{team}-{env}", false, false));
        List<String> before = environments.list().stream().map(EnvironmentView::name).toList();
        assertThat(before.getLast()).isEqualTo(name);

        List<String> after = environments.move(admin, name, true).stream().map(EnvironmentView::name).toList();

        assertThat(after.get(after.size() - 2)).isEqualTo(name);
        assertThat(after.getLast()).isEqualTo(before.get(before.size() - 2));
    }

    @Test
    void two_environments_on_one_cluster_may_not_share_namespaces() {
        String first = Fixtures.unique("one");
        environments.create(admin, new EnvironmentSpec(first, "", cluster, "{team}-shared", true, false));

        assertThatThrownBy(() -> environments.create(admin,
                new EnvironmentSpec(Fixtures.unique("two"), "", cluster, "{team}-shared", true, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(first);
    }

    @Test
    void invalid_environments_name_every_problem() {
        assertThatThrownBy(() -> environments.create(admin,
                new EnvironmentSpec("Production!", "x".repeat(600), "no-such-cluster", "{application}", true, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "description", "namespaceTemplate"));
        assertThatThrownBy(() -> environments.create(admin,
                new EnvironmentSpec(Fixtures.unique("e"), "", "no-such-cluster", "{app}-{env}", true, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no cluster 'no-such-cluster'");
    }

    @Test
    void a_taken_name_is_refused() {
        assertThatThrownBy(() -> environments.create(admin, new EnvironmentSpec("dev", "", cluster, "{app}-x", true, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
    }

    @Test
    void an_environment_keeps_its_prometheus_url_and_shows_it_without_trailing_slashes() {
        String name = Fixtures.unique("canary");

        EnvironmentView created = environments.create(admin, new EnvironmentSpec(name, "", cluster, "{app}-{env}",
                true, false, "  http://prometheus.monitoring:9090/prom//  "));

        assertThat(created.prometheusUrl()).isEqualTo("http://prometheus.monitoring:9090/prom");
        assertThat(environments.get(name).prometheusUrl()).isEqualTo("http://prometheus.monitoring:9090/prom");

        EnvironmentView cleared = environments.update(admin, name,
                new EnvironmentSpec(name, "", cluster, "{app}-{env}", true, false, "   "));

        assertThat(cleared.prometheusUrl()).isNull();
    }

    @Test
    void a_prometheus_url_that_is_not_http_or_holds_credentials_is_refused_on_the_field_and_nothing_is_stored() {
        // each refused URL, and what the message must tell the admin
        Map<String, String> refused = Map.of(
                "ftp://prometheus:9090", "http://",
                "prometheus.monitoring:9090", "http://",
                "http://prom etheus:9090", "http://",
                "https://admin:secret@prometheus:9090", "credentials");
        for (var entry : refused.entrySet()) {
            String url = entry.getKey();
            String name = Fixtures.unique("bad");

            assertThatThrownBy(() -> environments.create(admin,
                    new EnvironmentSpec(name, "", cluster, "{app}-{env}", true, false, url)))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("prometheusUrl");
                                assertThat(p.message()).contains(entry.getValue());
                            }));
            assertThat(environments.list()).extracting(EnvironmentView::name).doesNotContain(name);
        }

        String kept = Fixtures.unique("kept");
        environments.create(admin, new EnvironmentSpec(kept, "", cluster, "{app}-{env}", true, false,
                "http://prometheus:9090"));
        assertThatThrownBy(() -> environments.update(admin, kept,
                new EnvironmentSpec(kept, "", cluster, "{app}-{env}", true, false, "https://user@prometheus:9090")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("prometheusUrl"))
                .hasMessageContaining("credentials");
        assertThat(environments.get(kept).prometheusUrl()).isEqualTo("http://prometheus:9090");
    }
}
