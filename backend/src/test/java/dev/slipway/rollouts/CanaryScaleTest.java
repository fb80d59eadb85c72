package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanaryScaleTest {

    @Test
    void a_weight_that_divides_the_pods_gives_that_share_exactly() {
        assertThat(CanaryScale.of(5, 20)).isEqualTo(new CanaryScale(4, 1, 20));
        assertThat(CanaryScale.of(10, 50)).isEqualTo(new CanaryScale(5, 5, 50));
        assertThat(CanaryScale.of(5, 20).describe(20)).isEqualTo("1 canary pod and 4 stable: 20% of requests");
    }

    @Test
    void with_few_pods_each_release_keeps_one_and_the_real_share_is_said() {
        CanaryScale scale = CanaryScale.of(2, 10);

        assertThat(scale).isEqualTo(new CanaryScale(1, 1, 50));
        assertThat(scale.describe(10)).contains("50% of requests by pod ratio").contains("as close to 10%")
                .contains("ingress-nginx or Gateway API");
        assertThat(CanaryScale.of(1, 20)).as("one pod each, one more than the app's size").isEqualTo(new CanaryScale(1, 1, 50));
        assertThat(CanaryScale.of(3, 90)).isEqualTo(new CanaryScale(1, 3, 75));
    }

    @Test
    void no_weight_is_all_stable_and_full_weight_all_canary_but_one_stable_pod() {
        assertThat(CanaryScale.of(4, 0)).isEqualTo(new CanaryScale(4, 0, 0));
        // even at 100% one stable pod stays, so an abort has somewhere to send the requests at once
        assertThat(CanaryScale.of(4, 100)).isEqualTo(new CanaryScale(1, 4, 80));
        assertThat(CanaryScale.of(0, 50)).as("a stopped app stays stopped").isEqualTo(new CanaryScale(0, 0, 0));
    }

    @Test
    void a_weight_outside_0_to_100_is_a_programming_error() {
        assertThatThrownBy(() -> CanaryScale.of(4, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryScale.of(4, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
