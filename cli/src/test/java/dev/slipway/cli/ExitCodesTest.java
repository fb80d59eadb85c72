package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cli.api.ApiException;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void only_a_succeeded_rollout_exits_zero() {
        assertThat(ExitCodes.forRolloutPhase("SUCCEEDED")).isZero();
        for (String phase : new String[] {"ROLLED_BACK", "ABORTED", "SUPERSEDED", "FAILED"}) {
            assertThat(ExitCodes.forRolloutPhase(phase)).as(phase).isEqualTo(1);
        }
    }

    @Test
    void only_a_succeeded_build_exits_zero() {
        assertThat(ExitCodes.forBuildStatus("SUCCEEDED")).isZero();
        assertThat(ExitCodes.forBuildStatus("FAILED")).isEqualTo(1);
        assertThat(ExitCodes.forBuildStatus("CANCELLED")).isEqualTo(1);
        assertThat(ExitCodes.forBuildStatus("INTERRUPTED")).isEqualTo(1);
    }

    @Test
    void a_refused_token_is_not_connected_and_every_other_refusal_a_failure() {
        assertThat(new ApiException(401, "", "no").exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED).isEqualTo(4);
        assertThat(new ApiException(403, "", "no").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(new ApiException(404, "", "no").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(new ApiException(409, "", "no").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(new ApiException(500, "", "no").exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void exceptions_carry_their_code_and_anything_unexpected_is_a_failure() {
        assertThat(ExitCodes.of(CliException.usage("x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new CliException(ExitCodes.TIMED_OUT, "x"))).isEqualTo(3);
        assertThat(ExitCodes.of(new InterruptedException())).isEqualTo(130);
        assertThat(ExitCodes.of(new IllegalStateException())).isEqualTo(1);
    }
}
