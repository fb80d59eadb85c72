package dev.slipway.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.clusters.ClusterKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The REST API reads specs and writes views as JSON; the Prometheus URL travels both ways. */
class EnvironmentSpecJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_spec_carries_its_prometheus_url_and_an_older_client_that_sends_none_gets_none() {
        EnvironmentSpec with = JSON.readValue("""
                {"name":"qa","description":"","cluster":"sandbox","namespaceTemplate":"{app}-qa",
                 "createNamespace":true,"protectedEnvironment":false,"prometheusUrl":"http://prometheus:9090"}
                """, EnvironmentSpec.class);
        EnvironmentSpec without = JSON.readValue("""
                {"name":"qa","description":"","cluster":"sandbox","namespaceTemplate":"{app}-qa",
                 "createNamespace":true,"protectedEnvironment":true}
                """, EnvironmentSpec.class);

        assertThat(with.prometheusUrl()).isEqualTo("http://prometheus:9090");
        assertThat(without.prometheusUrl()).isNull();
        assertThat(without.protectedEnvironment()).isTrue();
    }

    @Test
    void a_view_shows_its_prometheus_url() {
        String json = JSON.writeValueAsString(new EnvironmentView("qa", "", 4, "sandbox", ClusterKind.SANDBOX,
                "{app}-qa", true, false, "http://prometheus:9090", null));

        assertThat(JSON.readTree(json).get("prometheusUrl").asString()).isEqualTo("http://prometheus:9090");
    }
}
