package dev.slipway.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.audit.AuditLog;
import dev.slipway.audit.AuditQuery;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@SlipwayTest
class ClusterServiceTest {

    @Autowired
    ClusterService clusters;
    @Autowired
    EnvironmentService environments;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    static ClusterSpec tokenCluster(String name, String token) {
        return new ClusterSpec(name, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN, "https://203.0.113.10:6443", null,
                false, token);
    }

    @Test
    void a_token_is_stored_encrypted_and_never_shown_again() {
        Actor admin = fixtures.admin();
        String name = Fixtures.unique("prod");
        String token = "eyJhbGciOi." + UUID.randomUUID();

        ClusterView registered = clusters.register(admin, tokenCluster(name, token));

        assertThat(registered.credentialsSet()).isTrue();
        assertThat(registered.toString()).doesNotContain(token);
        assertThat(clusters.list(admin).toString()).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from clusters where name = ? and credentials_id is not null",
                Integer.class, name)).isEqualTo(1);
        String everything = jdbc.queryForList("select * from clusters").toString()
                + jdbc.queryForList("select encode(ciphertext, 'escape') from sealed_values").toString();
        assertThat(everything).doesNotContain(token);
        assertThat(audit.search(admin, new AuditQuery(null, "cluster.", name, null, null, null), PageRequest.of(0, 5))
                .getContent().toString()).doesNotContain(token).contains("credentials=replaced");
    }

    @Test
    void an_update_without_credentials_keeps_the_stored_ones_and_new_ones_replace_them() {
        Actor admin = fixtures.admin();
        String name = Fixtures.unique("keep");
        clusters.register(admin, tokenCluster(name, "first-token"));
        UUID first = jdbc.queryForObject("select credentials_id from clusters where name = ?", UUID.class, name);

        clusters.update(admin, name, tokenCluster(name, null));
        assertThat(jdbc.queryForObject("select credentials_id from clusters where name = ?", UUID.class, name)).isEqualTo(first);

        clusters.update(admin, name, tokenCluster(name, "second-token"));
        UUID second = jdbc.queryForObject("select credentials_id from clusters where name = ?", UUID.class, name);
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from sealed_values where id = ?", Integer.class, first)).isZero();
    }

    @Test
    void a_kubeconfig_gives_the_cluster_its_server_url() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                - name: prod
                  context: {cluster: prod-cluster, user: deployer}
                clusters:
                - name: prod-cluster
                  cluster: {server: "https://198.51.100.7:6443"}
                users:
                - name: deployer
                  user: {token: abc}
                """;
        ClusterView view = clusters.register(fixtures.admin(), new ClusterSpec(Fixtures.unique("kc"), ClusterKind.KUBERNETES,
                "", ClusterAuth.KUBECONFIG, null, null, false, kubeconfig));

        assertThat(view.apiUrl()).isEqualTo("https://198.51.100.7:6443");
    }

    @Test
    void invalid_registrations_name_every_problem_and_store_nothing() {
        Actor admin = fixtures.admin();
        ClusterSpec bad = new ClusterSpec("Prod EU", ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                "http://203.0.113.10:6443", "not a certificate", false, "two words");

        assertThatThrownBy(() -> clusters.register(admin, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "apiUrl", "caCertificate", "credentials"));
        assertThatThrownBy(() -> clusters.register(admin, new ClusterSpec(Fixtures.unique("k"), ClusterKind.KUBERNETES,
                "", ClusterAuth.KUBECONFIG, null, null, false, "just: text")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("current-context");
        assertThat(jdbc.queryForObject("select count(*) from clusters where name = 'Prod EU'", Integer.class)).isZero();
    }

    @Test
    void only_platform_admins_see_or_change_clusters() {
        Actor user = fixtures.user();

        assertThatThrownBy(() -> clusters.list(user)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> clusters.register(user, ClusterSpec.sandbox(Fixtures.unique("s"), "")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_cluster_in_use_by_an_environment_cannot_be_deleted() {
        Actor admin = fixtures.admin();
        String cluster = Fixtures.unique("busy");
        clusters.register(admin, ClusterSpec.sandbox(cluster, "for the test"));
        String environment = Fixtures.unique("e");
        environments.create(admin, new EnvironmentSpec(environment, "", cluster, "{app}-{env}", true, false));

        assertThatThrownBy(() -> clusters.delete(admin, cluster))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still used by environments");

        environments.delete(admin, environment);
        clusters.delete(admin, cluster);
        assertThat(clusters.list(admin)).extracting(ClusterView::name).doesNotContain(cluster);
    }

    @Test
    void switching_from_a_token_to_a_kubeconfig_needs_the_kubeconfig() {
        Actor admin = fixtures.admin();
        String name = Fixtures.unique("switch");
        clusters.register(admin, tokenCluster(name, "a-token"));

        assertThatThrownBy(() -> clusters.update(admin, name, new ClusterSpec(name, ClusterKind.KUBERNETES, "",
                ClusterAuth.KUBECONFIG, null, null, false, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("credentials"));
        assertThat(clusters.get(admin, name).auth()).isEqualTo(ClusterAuth.TOKEN);
    }
}
