package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and the kubelet rely on: probes, metrics, and a shutdown that lets requests finish. */
@ShippedApplicationTest
class OperationsTest {

    @LocalServerPort
    int port;
    @Value("${server.shutdown}")
    String shutdown;

    @Test
    void liveness_and_readiness_probes_answer_without_credentials() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        ApiClient.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_are_exposed() {
        ApiClient.Response metrics = new ApiClient(port, null).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"slipway\"");
    }

    @Test
    void other_actuator_endpoints_stay_closed() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/env").status()).isIn(401, 403, 404);
        assertThat(anonymous.get("/actuator/beans").status()).isIn(401, 403, 404);
    }

    @Test
    void shutdown_is_graceful() {
        assertThat(shutdown).isEqualTo("graceful");
    }
}
