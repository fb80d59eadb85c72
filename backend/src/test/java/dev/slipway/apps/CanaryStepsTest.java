package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.apps.CanarySteps.Analysis;
import dev.slipway.apps.CanarySteps.Pause;
import dev.slipway.apps.CanarySteps.SetWeight;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryStepsTest {

    @Test
    void steps_written_as_argo_users_write_them_are_read_in_order() {
        CanarySteps.Parsed parsed = CanarySteps.parse("""
                # a fifth first
                setWeight 20
                pause 5m

                analysis error-rate p99-latency
                SETWEIGHT 50%
                pause
                pause 90s
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.steps().steps()).containsExactly(new SetWeight(20), new Pause(Duration.ofMinutes(5)),
                new Analysis(List.of("error-rate", "p99-latency")), new SetWeight(50), new Pause(null),
                new Pause(Duration.ofSeconds(90)));
    }

    @Test
    void the_text_form_reads_back_to_the_same_steps() {
        CanarySteps steps = new CanarySteps(List.of(new SetWeight(10), new Pause(Duration.ofHours(1)),
                new Analysis(List.of("error-rate")), new SetWeight(40), new Pause(Duration.ofSeconds(45)), new Pause(null)));

        assertThat(steps.text()).isEqualTo("setWeight 10\npause 1h\nanalysis error-rate\nsetWeight 40\npause 45s\npause");
        assertThat(CanarySteps.parse(steps.text()).steps()).isEqualTo(steps);
        assertThat(CanarySteps.parse(CanarySteps.defaults().text()).steps()).isEqualTo(CanarySteps.defaults());
    }

    @Test
    void every_bad_line_is_reported_with_its_number_and_how_to_write_it() {
        CanarySteps.Parsed parsed = CanarySteps.parse("""
                setWeight 120
                pause 3d
                analysis Error_Rate
                setWeight 30
                setWeight 10
                wait 5m
                analysis
                """);

        assertThat(parsed.steps()).isNull();
        assertThat(parsed.problems()).containsExactly(
                "line 1 ('setWeight 120'): the weight is a whole percentage from 1 to 100, e.g. setWeight 20",
                "line 2 ('pause 3d'): a pause lasts a number of seconds, minutes or hours, up to 24h, e.g. pause 30s,"
                        + " pause 5m or pause 1h; plain pause waits until promoted",
                "line 3 ('analysis Error_Rate'): Error_Rate is not a template name (lower-case letters, digits and"
                        + " dashes, e.g. error-rate)",
                "line 5 ('setWeight 10'): weights only grow (the step before sets 30%); to send traffic back to the"
                        + " stable release, abort the rollout",
                "line 6 ('wait 5m'): not a step; write setWeight N, pause, pause 5m, analysis <templates> or"
                        + " background <templates>",
                "line 7 ('analysis'): name the metric templates to measure, e.g. analysis error-rate p99-latency");
    }

    @Test
    void a_canary_without_a_weight_or_with_too_many_steps_is_refused() {
        assertThat(CanarySteps.parse("pause 5m\nanalysis error-rate").problems()).singleElement().asString()
                .contains("at least one setWeight step");
        assertThat(CanarySteps.parse("").problems()).singleElement().asString().contains("at least one setWeight");
        assertThat(CanarySteps.parse("setWeight 10\n" + "pause 1s\n".repeat(30)).problems()).singleElement()
                .asString().isEqualTo("at most 30 steps; this has 31");
        assertThat(CanarySteps.parse("pause 25h").problems()).first().asString().contains("up to 24h");
        assertThat(CanarySteps.parse("setWeight 20\npause 0s").problems()).first().asString().contains("up to 24h");
    }

    @Test
    void an_analysis_of_a_template_that_does_not_exist_names_the_ones_that_do() {
        assertThat(CanarySteps.parse("setWeight 20\nanalysis error-rate latency",
                new java.util.TreeSet<>(java.util.Set.of("error-rate", "p99-latency"))).problems()).containsExactly(
                "line 2 ('analysis error-rate latency'): there is no metric template latency; the ones this app's team"
                        + " can use are error-rate, p99-latency");
        assertThat(CanarySteps.parse("setWeight 20\nanalysis latency").problems()).isEmpty();
    }

    @Test
    void a_background_analysis_is_a_line_of_its_own_and_a_canary_has_at_most_one() {
        CanarySteps.Parsed parsed = CanarySteps.parse("setWeight 20\nbackground error-rate p99-latency\npause 5m");

        assertThat(parsed.steps().steps()).containsExactly(new SetWeight(20),
                new CanarySteps.Background(List.of("error-rate", "p99-latency")), new Pause(Duration.ofMinutes(5)));
        assertThat(parsed.steps().text()).isEqualTo("setWeight 20\nbackground error-rate p99-latency\npause 5m");
        assertThat(CanarySteps.parse("setWeight 20\nbackground error-rate\nbackground p99-latency").problems())
                .containsExactly("line 3 ('background p99-latency'): a canary has one background analysis; name all"
                        + " its templates on one line");
    }
}
