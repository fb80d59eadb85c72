package dev.slipway.helm;

import static dev.slipway.helm.RenderedChart.CHART;
import static dev.slipway.helm.RenderedChart.DATABASE_URL;
import static dev.slipway.helm.RenderedChart.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.slipway.helm.RenderedChart.Node;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlipwayChartTest {

    /** What `openssl rand -base64 32` prints: 32 bytes in base64. */
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("database.url", DATABASE_URL);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void chart_lints_cleanly_in_strict_mode() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void slipway_runs_as_non_root_with_a_read_only_root_filesystem_and_a_writable_tmp() {
        RenderedChart chart = render(values());

        Node pod = chart.podSpec();
        assertThat(pod.at("securityContext.runAsNonRoot").value()).isEqualTo(true);
        assertThat(pod.at("securityContext.runAsUser").value()).isEqualTo(10001);
        assertThat(pod.string("securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");

        Node container = chart.container();
        assertThat(container.at("securityContext.runAsNonRoot").value()).isEqualTo(true);
        assertThat(container.at("securityContext.runAsUser").value()).isEqualTo(10001);
        assertThat(container.at("securityContext.readOnlyRootFilesystem").value()).isEqualTo(true);
        assertThat(container.at("securityContext.allowPrivilegeEscalation").value()).isEqualTo(false);
        assertThat(container.at("securityContext.capabilities.drop").value()).isEqualTo(List.of("ALL"));
        assertThat(container.string("securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");

        assertThat(container.named("volumeMounts", "tmp").string("mountPath")).isEqualTo("/tmp");
        assertThat(pod.named("volumes", "tmp").has("emptyDir")).isTrue();
    }

    @Test
    void probes_ask_slipways_health_groups_on_the_http_port() {
        Node container = render(values()).container();

        assertThat(container.string("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
            assertThat(container.string(probe + ".httpGet.port")).as(probe).isEqualTo("http");
        }
        assertThat(container.named("ports", "http").at("containerPort").value()).isEqualTo(8080);
        // A JVM with the UI needs 10-20 s to start; the startup probe must allow far more than that.
        int startupSeconds = (int) container.at("startupProbe.periodSeconds").value()
                * (int) container.at("startupProbe.failureThreshold").value();
        assertThat(startupSeconds).isGreaterThanOrEqualTo(120);
    }

    @Test
    void a_separate_management_port_carries_the_probes_and_the_prometheus_annotations() {
        RenderedChart chart = render(values("managementPort", 8081));

        Node container = chart.container();
        assertThat(container.named("ports", "management").at("containerPort").value()).isEqualTo(8081);
        assertThat(container.string("livenessProbe.httpGet.port")).isEqualTo("management");
        assertThat(chart.env()).containsEntry("MANAGEMENT_SERVER_PORT", "8081");
        assertThat(chart.deployment().map("spec.template.metadata.annotations"))
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8081")
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(chart.get("Service").list("spec.ports")).extracting(p -> p.string("targetPort"))
                .containsExactly("http");
    }

    @Test
    void container_has_resource_requests_and_limits_and_sizes_the_heap_from_the_limit() {
        RenderedChart chart = render(values());

        Node resources = chart.container().at("resources");
        assertThat(resources.map("requests")).containsEntry("cpu", "500m").containsEntry("memory", "768Mi");
        assertThat(resources.map("limits")).containsEntry("cpu", "2").containsEntry("memory", "1536Mi");
        assertThat(chart.env().get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
        assertThat(chart.podSpec().at("terminationGracePeriodSeconds").value()).isEqualTo(30);
    }

    @Test
    void database_settings_and_log_format_reach_the_container_with_the_password_from_the_charts_secret() {
        RenderedChart chart = render(values("database.username", "slipway_app", "database.password", "s3cret"));

        assertThat(chart.env())
                .containsEntry("SLIPWAY_DATABASE_URL", DATABASE_URL)
                .containsEntry("SLIPWAY_DATABASE_USERNAME", "slipway_app")
                .containsEntry("SLIPWAY_DATABASE_PASSWORD", "slipway/database-password")
                .containsEntry("SLIPWAY_LOG_FORMAT", "ecs");
        Node secret = chart.get("Secret");
        assertThat(secret.string("metadata.name")).isEqualTo("slipway");
        assertThat(decode(secret.string("data.database-password"))).isEqualTo("s3cret");
    }

    @Test
    void master_key_is_mounted_as_a_file_that_SLIPWAY_MASTER_KEY_FILE_points_at() {
        RenderedChart chart = render(values("masterKey.value", MASTER_KEY));

        String file = chart.env().get("SLIPWAY_MASTER_KEY_FILE");
        assertThat(file).isNotBlank();
        assertThat(chart.env()).doesNotContainKey("SLIPWAY_MASTER_KEY");

        Node mount = chart.container().named("volumeMounts", "master-key");
        assertThat(mount.at("readOnly").value()).isEqualTo(true);
        Node volume = chart.podSpec().named("volumes", "master-key");
        Node item = volume.list("secret.items").getFirst();
        assertThat(mount.string("mountPath") + "/" + item.string("path")).isEqualTo(file);
        assertThat(volume.string("secret.secretName")).isEqualTo("slipway");
        assertThat(item.string("key")).isEqualTo("master-key");
        assertThat(decode(chart.get("Secret").string("data.master-key"))).isEqualTo(MASTER_KEY);
    }

    @Test
    void existing_secrets_are_referenced_and_the_chart_renders_no_secret_of_its_own() {
        RenderedChart chart = render(values(
                "database.existingSecret", "pg-credentials", "database.existingSecretKey", "pw",
                "database.password", "ignored-because-the-existing-secret-wins",
                "masterKey.existingSecret", "slipway-kek", "masterKey.key", "kek",
                "admin.existingSecret", "slipway-admin"));

        assertThat(chart.env())
                .containsEntry("SLIPWAY_DATABASE_PASSWORD", "pg-credentials/pw")
                .containsEntry("SLIPWAY_ADMIN_PASSWORD", "slipway-admin/password");
        Node volume = chart.podSpec().named("volumes", "master-key");
        assertThat(volume.string("secret.secretName")).isEqualTo("slipway-kek");
        assertThat(volume.list("secret.items").getFirst().string("key")).isEqualTo("kek");
        assertThat(chart.find("Secret")).isEmpty();
    }

    @Test
    void without_secrets_nothing_secret_is_wired_and_slipway_generates_the_admin_password() {
        RenderedChart chart = render(values());

        assertThat(chart.env()).doesNotContainKeys(
                "SLIPWAY_DATABASE_PASSWORD", "SLIPWAY_MASTER_KEY_FILE", "SLIPWAY_ADMIN_PASSWORD");
        assertThat(chart.podSpec().list("volumes")).extracting(v -> v.string("name")).containsExactly("tmp");
        assertThat(chart.find("Secret")).isEmpty();
    }

    @Test
    void rendering_without_a_database_url_fails_and_says_to_set_it() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of()).call())
                .hasMessageContaining("database.url is required")
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void a_database_url_that_is_not_a_postgresql_jdbc_url_is_refused() {
        assertThatThrownBy(() -> render(Map.of("database.url", "postgres://db:5432/slipway")))
                .hasMessageContaining("must be a PostgreSQL JDBC URL");
    }

    @Test
    void a_master_key_that_is_not_32_bytes_in_base64_is_refused() {
        assertThatThrownBy(() -> render(values("masterKey.value", "too-short")))
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void an_admin_password_shorter_than_slipway_accepts_is_refused() {
        assertThatThrownBy(() -> render(values("admin.password", "short")))
                .hasMessageContaining("admin.password must be 12 to 72 characters");
    }

    @Test
    void a_management_port_equal_to_the_http_port_is_refused() {
        assertThatThrownBy(() -> render(values("managementPort", 8080)))
                .hasMessageContaining("managementPort must differ from 8080");
    }

    @Test
    void changing_a_secret_value_rolls_the_pods() {
        Object before = render(values("admin.password", "first-password-123"))
                .deployment().map("spec.template.metadata.annotations").get("checksum/secret");
        Object after = render(values("admin.password", "second-password-45"))
                .deployment().map("spec.template.metadata.annotations").get("checksum/secret");

        assertThat(before).isNotNull().isNotEqualTo(after);
    }

    @Test
    void a_misspelt_value_is_refused_by_the_schema() {
        assertThatThrownBy(() -> render(values("databse.username", "x")))
                .hasMessageContaining("databse");
    }

    @Test
    void service_selects_exactly_the_pods_of_the_deployment() {
        RenderedChart chart = render(values());

        Map<String, Object> selector = chart.get("Service").map("spec.selector");
        Map<String, Object> podLabels = chart.deployment().map("spec.template.metadata.labels");
        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(chart.deployment().map("spec.selector.matchLabels")).isEqualTo(selector);
        assertThat(chart.get("Service").named("spec.ports", "http").string("targetPort")).isEqualTo("http");
        assertThat(chart.podSpec().string("serviceAccountName"))
                .isEqualTo(chart.get("ServiceAccount").string("metadata.name"));
    }

    @Test
    void objects_carry_the_standard_kubernetes_labels() {
        Map<String, Object> labels = render(values()).deployment().map("metadata.labels");

        assertThat(labels)
                .containsEntry("app.kubernetes.io/name", "slipway")
                .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
                .containsEntry("app.kubernetes.io/version", "0.1.0")
                .containsEntry("app.kubernetes.io/managed-by", "Helm");
        assertThat(render(values()).container().string("image")).isEqualTo("slipway:0.1.0");
    }

    @Test
    void rbac_for_in_cluster_deploys_is_off_by_default_and_grants_what_the_engine_needs_when_asked() {
        assertThat(render(values()).find("ClusterRole")).isEmpty();

        RenderedChart chart = render(values("rbac.create", true));

        assertThat(chart.get("ClusterRole").string("metadata.name")).isNotBlank();
        assertThat(chart.get("ClusterRoleBinding").string("roleRef.name"))
                .isEqualTo(chart.get("ClusterRole").string("metadata.name"));
        assertThat(chart.get("ServiceAccount").string("automountServiceAccountToken")).isEqualTo("true");
        assertThat(chart.podSpec().string("automountServiceAccountToken")).isEqualTo("true");
        // each release's ConfigMap and Secret are created, and old ones listed and deleted
        assertThat(chart.get("ClusterRole").list("rules"))
                .anySatisfy(rule -> assertThat(rule.string("resources")).contains("configmaps", "secrets")
                        .as("verbs").satisfies(r -> assertThat(rule.string("verbs")).contains("create", "list", "delete")));
    }

    @Test
    void ingress_is_absent_by_default() {
        assertThat(render(values()).find("Ingress")).isEmpty();
    }

    @Test
    void enabled_ingress_keeps_each_browser_on_one_pod_and_routes_to_the_service() {
        RenderedChart chart = render(values(
                "ingress.enabled", true,
                "ingress.hosts[0].host", "slipway.internal",
                "ingress.hosts[0].paths[0].path", "/",
                "ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "10m"));

        Node ingress = chart.get("Ingress");
        assertThat(ingress.map("metadata.annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "10m");
        Node rule = ingress.list("spec.rules").getFirst();
        assertThat(rule.string("host")).isEqualTo("slipway.internal");
        Node backend = rule.list("http.paths").getFirst().at("backend.service");
        assertThat(backend.string("name")).isEqualTo(chart.get("Service").string("metadata.name"));
        assertThat(backend.string("port.name")).isEqualTo("http");
    }

    @Test
    void service_can_pin_clients_to_a_pod_by_address() {
        Node service = render(values("service.sessionAffinity", "ClientIP")).get("Service");

        assertThat(service.string("spec.sessionAffinity")).isEqualTo("ClientIP");
        assertThat(service.at("spec.sessionAffinityConfig.clientIP.timeoutSeconds").value()).isEqualTo(10800);
    }

    @Test
    void install_notes_warn_when_no_master_key_is_configured_and_say_how_to_add_one() {
        String notes = RenderedChart.installNotes(values());

        assertThat(notes)
                .contains("WARNING: no master key is configured")
                .contains("openssl rand -base64 32")
                .contains("port-forward service/slipway");
        assertThat(RenderedChart.installNotes(values("masterKey.value", MASTER_KEY)))
                .doesNotContain("no master key");
    }

    @Test
    void install_notes_warn_about_several_replicas_without_sticky_sessions() {
        assertThat(RenderedChart.installNotes(values("replicaCount", 3)))
                .contains("3 replicas without sticky sessions");
        assertThat(RenderedChart.installNotes(values("replicaCount", 3, "service.sessionAffinity", "ClientIP")))
                .doesNotContain("without sticky sessions");
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
