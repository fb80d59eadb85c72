package dev.slipway.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    static final Instant T = Instant.parse("2026-12-02T07:00:00Z");
    final MetricTemplate errorRate = MetricTemplate.errorRate(); // success < 0.05, failure >= 0.05, count 3

    @Test
    void three_good_measurements_succeed_and_say_so_in_words() {
        Verdict verdict = judge(0.01, 0.02, 0.012);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.SUCCESSFUL);
        assertThat(verdict.explanation()).isEqualTo("error rate 0.01, 0.02, 0.012 < 0.05 in 3 of 3 measurements");
    }

    @Test
    void fewer_than_count_measurements_keep_it_running() {
        assertThat(judge(0.01, 0.02).status()).isEqualTo(Verdict.Status.RUNNING);
    }

    @Test
    void one_failure_over_the_limit_fails_with_the_values_and_the_threshold() {
        Verdict verdict = judge(0.072);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(verdict.explanation()).isEqualTo("error rate 0.072 >= 0.05 in 1 of 1 measurements (limit 0)");
    }

    @Test
    void inconclusive_measurements_over_the_limit_pause_and_never_succeed() {
        MetricTemplate latency = MetricTemplate.p99Latency(); // success < 0.5, failure >= 1.0, inconclusive limit 1

        Verdict verdict = Analysis.judge(latency, List.of(measure(latency, 0.7), measure(latency, 0.8),
                measure(latency, 0.2)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(verdict.explanation()).contains("0.7, 0.8").contains("neither result < 0.5 nor result >= 1")
                .contains("paused");
    }

    @Test
    void a_source_erroring_more_times_in_a_row_than_allowed_fails_the_metric() {
        List<Measurement> measurements = new ArrayList<>(List.of(measure(errorRate, 0.01)));
        for (int i = 0; i < errorRate.consecutiveErrorLimit(); i++) {
            measurements.add(Measurement.error(T, "could not reach Prometheus"));
        }
        assertThat(Analysis.judge(errorRate, measurements).status()).as("at the limit").isEqualTo(Verdict.Status.RUNNING);

        measurements.add(Measurement.error(T, "could not reach Prometheus at http://prom:9090"));
        Verdict verdict = Analysis.judge(errorRate, measurements);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(verdict.explanation()).contains("could not be measured 4 times in a row (limit 3)")
                .contains("http://prom:9090");
    }

    @Test
    void errors_in_between_good_measurements_do_not_count_as_measurements() {
        Verdict verdict = Analysis.judge(errorRate, List.of(measure(errorRate, 0.01), Measurement.error(T, "timeout"),
                measure(errorRate, 0.01)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.RUNNING);
        assertThat(verdict.explanation()).contains("2 of 3 measurements taken");
    }

    @Test
    void no_traffic_nan_is_inconclusive_not_good() {
        assertThat(errorRate.classify(Double.NaN)).isEqualTo(Measurement.Phase.INCONCLUSIVE);
    }

    @Test
    void without_a_failure_condition_anything_not_successful_fails() {
        MetricTemplate strict = new MetricTemplate("success rate", "x", Condition.parse("result >= 0.99").orElseThrow(),
                null, Duration.ofSeconds(10), 1, Duration.ZERO, 0, 0, 0);

        Verdict verdict = Analysis.judge(strict, List.of(measure(strict, 0.97)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(verdict.explanation()).isEqualTo("success rate 0.97 not >= 0.99 in 1 of 1 measurements (limit 0)");
    }

    @Test
    void conditions_are_parsed_strictly_and_placeholders_cannot_break_out_of_a_label_matcher() {
        assertThat(Condition.parse(" result <= 1e-3 ")).contains(new Condition(Condition.Operator.LE, 0.001));
        assertThat(Condition.parse("result < 5%")).isEmpty();
        assertThat(Condition.problem("value > 1")).hasValueSatisfying(p -> assertThat(p).contains("result < 0.05"));
        MetricTemplate template = new MetricTemplate("t", "up{app=\"{{app}}\",slot=\"{{ slot }}\"}",
                Condition.parse("result > 0").orElseThrow(), null, Duration.ofSeconds(1), 1, Duration.ZERO, 0, 0, 0);

        assertThat(template.render(Map.of("app", "shop", "slot", "blue"))).isEqualTo("up{app=\"shop\",slot=\"blue\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.render(Map.of("app", "shop\"} or vector(1) #",
                "slot", "blue"))).hasMessageContaining("{{app}}").hasMessageContaining("not a plain name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.render(Map.of("app", ".*")))
                .as("a regex matcher must not be widened either").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.render(Map.of("app", "shop")))
                .hasMessageContaining("{{slot}}, which has no value");
    }

    @Test
    void values_in_explanations_keep_four_significant_digits_and_never_an_exponent() {
        assertThat(Condition.format(0.072)).isEqualTo("0.072");
        assertThat(Condition.format(1000.3)).isEqualTo("1000");
        assertThat(Condition.format(2500.2)).isEqualTo("2500");
        assertThat(Condition.format(2.5e-10)).isEqualTo("0.00000000025");
        assertThat(Condition.format(0.123456)).isEqualTo("0.1235");
        assertThat(Condition.format(1e20)).isEqualTo("100000000000000000000");
    }

    @Test
    void measurements_start_after_the_initial_delay_follow_the_interval_and_stop_with_the_verdict() {
        // the built-in error rate: 30 s initial delay, every 30 s, 3 measurements
        assertThat(Analysis.nextMeasurementAt(errorRate, T, List.of())).contains(T.plusSeconds(30));
        List<Measurement> taken = List.of(measure(errorRate, 0.01, T.plusSeconds(30)),
                Measurement.error(T.plusSeconds(61), "timeout"));
        assertThat(Analysis.nextMeasurementAt(errorRate, T, taken)).as("an error is retried at the same pace")
                .contains(T.plusSeconds(91));
        List<Measurement> done = List.of(measure(errorRate, 0.01, T.plusSeconds(30)),
                measure(errorRate, 0.02, T.plusSeconds(60)), measure(errorRate, 0.01, T.plusSeconds(90)));
        assertThat(Analysis.nextMeasurementAt(errorRate, T, done)).as("three taken: successful").isEmpty();
        assertThat(Analysis.nextMeasurementAt(errorRate, T, List.of(measure(errorRate, 0.2, T.plusSeconds(30)))))
                .as("failed at once (limit 0)").isEmpty();
    }

    private Verdict judge(double... values) {
        List<Measurement> measurements = new ArrayList<>();
        for (double value : values) {
            measurements.add(measure(errorRate, value));
        }
        return Analysis.judge(errorRate, measurements);
    }

    private static Measurement measure(MetricTemplate template, double value) {
        return measure(template, value, T);
    }

    private static Measurement measure(MetricTemplate template, double value, Instant at) {
        return new Measurement(at, template.classify(value), value, null);
    }
}
