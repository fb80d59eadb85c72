package dev.slipway.cli.deploys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cli.api.Api;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutTextTest {

    private static final Instant NOW = Instant.parse("2026-12-03T19:30:00Z");
    private static final Instant STARTED = Instant.parse("2026-12-03T19:25:22Z");

    private static Api.Rollout canary(String phase, int current, boolean held, String reason) {
        return new Api.Rollout(4, 2, 1, "CANARY", phase, false, reason, "admin", STARTED, null,
                List.of(new Api.Event(STARTED, "STARTED", "v2 deploy started by admin: nginx:1.28", Map.of()),
                        new Api.Event(STARTED.plusSeconds(3), "PAUSED", "Step 2 of 2: paused, until someone promotes",
                                Map.of())),
                new Api.Canary(List.of("setWeight 50", "pause"), current, 50, 1, 1, 50), null, held);
    }

    private static final Api.Live LIVE = new Api.Live(true, true, 1, 1, 1, 1, 1, false, List.of(
            new Api.Pod("bird-8da4715225-nzp7l", 1, "Running", true, 0, null),
            new Api.Pod("bird-canary-112cb53d12-bbgkq", 2, "Running", false, 3, "CrashLoopBackOff")));

    @Test
    void a_timeline_entry_is_time_kind_and_message_in_columns() {
        assertThat(RolloutText.event(new Api.Event(STARTED, "WEIGHT", "Step 1 of 2: 50% of requests", Map.of()),
                ZoneOffset.UTC)).isEqualTo("19:25:22  WEIGHT       Step 1 of 2: 50% of requests");
    }

    @Test
    void the_progress_line_holds_phase_step_weight_and_pods() {
        assertThat(RolloutText.progress(canary("PAUSED", 1, true, null), LIVE))
                .isEqualTo("PAUSED, step 2/2 pause, weight 50%, pods: 1 desired, 1 updated, 1 ready, 1 available");
        assertThat(RolloutText.progress(canary("PROGRESSING", 2, false, null), null))
                .isEqualTo("PROGRESSING, step 2/2 done, the stable Deployment takes the release, weight 50%");
    }

    @Test
    void the_status_shows_what_runs_the_pause_the_pods_and_the_timeline() {
        Api.Release v1 = new Api.Release(1, "nginx:1.27", "HEALTHY", null, "admin", STARTED.minusSeconds(60));
        Api.EnvironmentStatus status = new Api.EnvironmentStatus(
                new Api.Environment("dev", "sandbox", "SANDBOX", false), "bird-dev",
                new Api.Running(v1, STARTED.minusSeconds(50), null),
                canary("PAUSED", 1, true, "Paused at step 2 of 2 with 50% of requests on v2, until someone promotes"),
                LIVE);

        String text = RolloutText.status("bird", status, NOW, ZoneOffset.UTC);

        assertThat(text).contains("App:          bird")
                .contains("Environment:  dev (sandbox: simulated, nothing really runs)")
                .contains("Running:      v1  nginx:1.27  since 2026-12-03 19:24 (5m ago)")
                .contains("Rollout:      #4  v2 from v1  CANARY  started by admin 4m ago")
                .contains("Phase:        PAUSED  (held: promote or abort it)")
                .contains("Step:         2/2 pause   (steps: setWeight 50, pause)")
                .contains("Weight:       50%  (1 canary pod, 1 stable: 50% by pods)")
                .contains("  bird-canary-112cb53d12-bbgkq  v2       Running  no     3         CrashLoopBackOff")
                .contains("  19:25:25  PAUSED       Step 2 of 2: paused, until someone promotes");
    }

    @Test
    void an_environment_without_rollouts_says_so() {
        Api.EnvironmentStatus status = new Api.EnvironmentStatus(new Api.Environment("prod", "eu-1", "KUBERNETES", true),
                "menu-prod", null, null, new Api.Live(false, false, null, 0, 0, 0, 0, false, List.of()));

        assertThat(RolloutText.status("menu", status, NOW, ZoneOffset.UTC))
                .contains("Environment:  prod (cluster eu-1), protected")
                .contains("Running:      nothing yet")
                .contains("Rollout:      none yet")
                .doesNotContain("Pods:").doesNotContain("Timeline:");
    }

    @Test
    void the_end_of_a_rollout_is_one_sentence_with_the_reason() {
        assertThat(RolloutText.ended("menu", "dev", rolling("SUCCEEDED", null)))
                .isEqualTo("v2 of menu in dev is rolled out: the rollout succeeded.");
        assertThat(RolloutText.ended("menu", "dev", rolling("ROLLED_BACK", "Pod x of v2 is crash-looping")))
                .isEqualTo("v2 of menu in dev was rolled back to v1: Pod x of v2 is crash-looping");
        assertThat(RolloutText.ended("menu", "dev", rolling("ABORTED", "Aborted by admin")))
                .isEqualTo("v2 of menu in dev was aborted; v1 runs again: Aborted by admin");
        assertThat(RolloutText.ended("menu", "dev", rolling("SUPERSEDED", null)))
                .isEqualTo("v2 of menu in dev was superseded by a newer deploy before it finished.");
        assertThat(RolloutText.ended("menu", "dev", rolling("FAILED", "no stable release")))
                .isEqualTo("v2 of menu in dev failed: no stable release");
    }

    private static Api.Rollout rolling(String phase, String reason) {
        return new Api.Rollout(7, 2, 1, "ROLLING", phase, false, reason, "admin", STARTED, NOW, List.of(), null, null,
                false);
    }
}
