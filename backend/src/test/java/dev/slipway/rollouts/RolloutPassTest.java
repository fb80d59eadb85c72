package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures of the Kubernetes API a rollout waits out, and which it reports as a refusal. */
class RolloutPassTest {

    @Test
    void errors_that_pass_by_themselves_are_retried() {
        assertThat(RolloutPass.retriable(new KubernetesClientException("boom", 500, null))).isTrue();
        assertThat(RolloutPass.retriable(new KubernetesClientException("busy", 429, null))).isTrue();
        assertThat(RolloutPass.retriable(new KubernetesClientException("conflict", 409, null))).isTrue();
        assertThat(RolloutPass.retriable(new KubernetesClientException("slow", new TimeoutException()))).isTrue();
        assertThat(RolloutPass.retriable(new KubernetesClientException("reset", new IOException("reset")))).isTrue();
    }

    @Test
    void refusals_are_not_retried() {
        assertThat(RolloutPass.retriable(new KubernetesClientException("forbidden", 403, null))).isFalse();
        assertThat(RolloutPass.retriable(new KubernetesClientException("invalid", 422, null))).isFalse();
        assertThat(RolloutPass.retriable(new KubernetesClientException("no such namespace", 404, null))).isFalse();
    }
}
