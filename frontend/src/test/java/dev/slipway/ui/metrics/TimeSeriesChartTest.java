package dev.slipway.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ui.metrics.TimeSeriesChart.Marker;
import dev.slipway.ui.metrics.TimeSeriesChart.Point;
import dev.slipway.ui.metrics.TimeSeriesChart.Series;
import dev.slipway.ui.metrics.TimeSeriesChart.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the chart sends to the browser: one JSON property plus two attributes for browser tests. */
class TimeSeriesChartTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static JsonNode sent(TimeSeriesChart chart) {
        return (JsonNode) chart.getElement().getPropertyRaw("chart");
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    /** Each value as a number or null, the way the browser gets it. */
    static List<Double> values(JsonNode series) {
        List<Double> values = new ArrayList<>();
        series.get("values").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        return values;
    }

    @Test
    void the_timestamps_of_all_series_are_merged_into_one_sorted_axis_and_a_series_without_a_sample_there_gets_null() {
        TimeSeriesChart chart = new TimeSeriesChart("Latency", Unit.SECONDS);

        chart.show(List.of(
                new Series("stable", List.of(new Point(at(30), 0.3), new Point(at(0), 0.1), new Point(at(15), 0.2))),
                new Series("canary", List.of(new Point(at(20), 0.5), new Point(at(15), 0.4)))), List.of());

        JsonNode json = sent(chart);
        assertThat(longs(json.get("x"))).containsExactly(at(0).toEpochMilli(), at(15).toEpochMilli(),
                at(20).toEpochMilli(), at(30).toEpochMilli());
        assertThat(json.get("series")).hasSize(2);
        assertThat(json.get("series").get(0).get("label").asString()).isEqualTo("stable");
        assertThat(values(json.get("series").get(0))).containsExactly(0.1, 0.2, null, 0.3);
        assertThat(json.get("series").get(1).get("label").asString()).isEqualTo("canary");
        assertThat(values(json.get("series").get(1))).containsExactly(null, 0.4, 0.5, null);
        assertThat(json.get("series").get(0).get("gaps")).isEmpty();
        assertThat(json.get("series").get(1).get("gaps")).isEmpty();
    }

    @Test
    void a_nan_value_is_sent_as_null_and_listed_as_a_gap_so_the_line_breaks_there() {
        TimeSeriesChart chart = new TimeSeriesChart("Error rate", Unit.PERCENT);

        chart.show(List.of(new Series("errors", List.of(new Point(at(0), 0.01), new Point(at(10), Double.NaN),
                new Point(at(20), 0.02)))), List.of());

        JsonNode errors = sent(chart).get("series").get(0);
        assertThat(values(errors)).containsExactly(0.01, null, 0.02);
        assertThat(longs(errors.get("gaps"))).containsExactly(1L);
        assertThat(chart.getElement().getAttribute("data-points")).isEqualTo("2");
    }

    @Test
    void markers_title_and_unit_are_sent_with_the_data() {
        TimeSeriesChart chart = new TimeSeriesChart("Memory", Unit.BYTES);

        chart.show(List.of(new Series("web", List.of(new Point(at(0), 1024)))),
                List.of(new Marker(at(5), "Rollout v2 started"), new Marker(at(60), "Rollout v2 finished")));

        JsonNode json = sent(chart);
        assertThat(json.get("title").asString()).isEqualTo("Memory");
        assertThat(json.get("unit").asString()).isEqualTo("BYTES");
        assertThat(json.get("markers")).hasSize(2);
        assertThat(json.get("markers").get(0).get("at").asLong()).isEqualTo(at(5).toEpochMilli());
        assertThat(json.get("markers").get(0).get("label").asString()).isEqualTo("Rollout v2 started");
        assertThat(json.get("markers").get(1).get("at").asLong()).isEqualTo(at(60).toEpochMilli());
        assertThat(json.get("markers").get(1).get("label").asString()).isEqualTo("Rollout v2 finished");
    }

    @Test
    void labels_that_look_like_html_are_sent_as_plain_strings() {
        TimeSeriesChart chart = new TimeSeriesChart("<b>CPU</b>", Unit.CORES);

        chart.show(List.of(new Series("<img src=x onerror=alert(1)>", List.of(new Point(at(0), 0.5)))),
                List.of(new Marker(at(0), "<script>")));

        JsonNode json = sent(chart);
        assertThat(json.get("title").asString()).isEqualTo("<b>CPU</b>");
        assertThat(json.get("series").get(0).get("label").asString()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(json.get("markers").get(0).get("label").asString()).isEqualTo("<script>");
    }

    @Test
    void the_element_tells_browser_tests_how_many_series_and_drawn_points_there_are() {
        TimeSeriesChart chart = new TimeSeriesChart("Requests", Unit.PER_SECOND);

        chart.show(List.of(
                new Series("a", List.of(new Point(at(0), 1), new Point(at(10), 2), new Point(at(20), Double.NaN))),
                new Series("b", List.of(new Point(at(5), 3))),
                new Series("c", List.of())), List.of());

        assertThat(chart.getElement().getAttribute("data-series")).isEqualTo("3");
        assertThat(chart.getElement().getAttribute("data-points")).isEqualTo("3");
        assertThat(chart.getElement().getTag()).isEqualTo("slipway-time-series");
        assertThat(chart.getElement().getClassList()).contains("slipway-time-series");
    }

    @Test
    void a_new_chart_is_empty_until_shown_and_each_show_replaces_the_data() {
        TimeSeriesChart chart = new TimeSeriesChart("Restarts", Unit.COUNT);
        assertThat(chart.getElement().getAttribute("data-series")).isEqualTo("0");
        assertThat(chart.getElement().getAttribute("data-points")).isEqualTo("0");
        assertThat(sent(chart).get("x")).isEmpty();

        chart.show(List.of(new Series("restarts", List.of(new Point(at(0), 0), new Point(at(10), 1)))), List.of());
        chart.show(List.of(new Series("restarts", List.of(new Point(at(10), 1), new Point(at(20), 2),
                new Point(at(30), 2)))), List.of(new Marker(at(15), "Rollout v3 started")));

        JsonNode json = sent(chart);
        assertThat(longs(json.get("x"))).containsExactly(at(10).toEpochMilli(), at(20).toEpochMilli(),
                at(30).toEpochMilli());
        assertThat(json.get("markers")).hasSize(1);
        assertThat(chart.getElement().getAttribute("data-points")).isEqualTo("3");
    }
}
