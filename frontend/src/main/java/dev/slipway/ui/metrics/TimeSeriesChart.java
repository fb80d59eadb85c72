package dev.slipway.ui.metrics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A time-series line chart, about 200 px high and as wide as its container, drawn in the browser by uPlot:
 * one line per series, a legend, and rollout markers as dashed vertical lines labelled at the top.
 * <p>
 * Every {@link #show} sends the whole chart again as one JSON property ({@code chart}); the browser updates
 * the existing plot in place. Series may be sampled at different times: their timestamps are merged into
 * one sorted x axis and a series without a sample at a time gets {@code null} there (the line is drawn
 * across such holes). A {@code NaN} value is a real gap: also sent as {@code null}, and its index is listed
 * in the series' {@code gaps} so that the line breaks there. Titles and labels are shown as text, never
 * as HTML.
 * <p>
 * For tests the element carries {@code data-series} (number of series) and {@code data-points} (number of
 * values drawn: every point except {@code NaN} ones). Without any such point the chart reads
 * "No data in this time range".
 */
@Tag("slipway-time-series")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./slipway-time-series.js")
public class TimeSeriesChart extends Component implements HasSize {

    /** What the values are; decides how the axis and the legend print them. */
    public enum Unit {
        /** A rate, e.g. requests per second. */
        PER_SECOND,
        /** A fraction from 0 to 1, printed as a percentage. */
        PERCENT,
        /** A duration in seconds, printed in ms below one second. */
        SECONDS,
        /** Printed in KiB, MiB or GiB. */
        BYTES,
        /** CPU cores, printed in millicores below one core. */
        CORES,
        /** A plain count, e.g. restarts or ready replicas. */
        COUNT
    }

    /** One line of the chart. */
    public record Series(String label, List<Point> points) {
        public Series {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    /** One sample; {@code NaN} for "no value here" (the line breaks). */
    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A moment to mark, such as the start or end of a rollout. */
    public record Marker(Instant at, String label) {
        public Marker {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(label, "label");
        }
    }

    static final String PROPERTY = "chart";

    private final String title;
    private final Unit unit;

    public TimeSeriesChart(String title, Unit unit) {
        this.title = Objects.requireNonNull(title, "title");
        this.unit = Objects.requireNonNull(unit, "unit");
        addClassName("slipway-time-series");
        show(List.of(), List.of());
    }

    public String getTitle() {
        return title;
    }

    public Unit getUnit() {
        return unit;
    }

    /** Replaces what the chart shows. */
    public void show(List<Series> series, List<Marker> markers) {
        show(series, markers, null, null);
    }

    /**
     * Like {@link #show(List, List)}, with the time axis spanning exactly {@code from} to {@code to}, so
     * the chart shows the chosen range even while only a few samples exist.
     */
    public void show(List<Series> series, List<Marker> markers, @Nullable Instant from, @Nullable Instant to) {
        JsonNodeFactory json = JsonNodeFactory.instance;

        TreeSet<Instant> times = new TreeSet<>();
        series.forEach(s -> s.points().forEach(p -> times.add(p.at())));
        Map<Instant, Integer> index = new HashMap<>();
        ArrayNode x = json.arrayNode();
        for (Instant at : times) {
            index.put(at, x.size());
            x.add(at.toEpochMilli());
        }

        int drawn = 0;
        ArrayNode lines = json.arrayNode();
        for (Series s : series) {
            Double[] values = new Double[times.size()];
            boolean[] gap = new boolean[times.size()];
            for (Point p : s.points()) {
                int i = index.get(p.at());
                boolean real = Double.isFinite(p.value());
                values[i] = real ? p.value() : null;
                gap[i] = !real;
            }
            ArrayNode valueArray = json.arrayNode();
            ArrayNode gapArray = json.arrayNode();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    valueArray.addNull();
                } else {
                    valueArray.add(values[i]);
                    drawn++;
                }
                if (gap[i]) {
                    gapArray.add(i);
                }
            }
            ObjectNode line = json.objectNode();
            line.put("label", s.label());
            line.set("values", valueArray);
            line.set("gaps", gapArray);
            lines.add(line);
        }

        ArrayNode marks = json.arrayNode();
        for (Marker m : markers) {
            ObjectNode mark = json.objectNode();
            mark.put("at", m.at().toEpochMilli());
            mark.put("label", m.label());
            marks.add(mark);
        }

        ObjectNode chart = json.objectNode();
        chart.put("title", title);
        chart.put("unit", unit.name());
        chart.set("x", x);
        chart.set("series", lines);
        chart.set("markers", marks);
        if (from != null && to != null) {
            chart.put("from", from.toEpochMilli());
            chart.put("to", to.toEpochMilli());
        }

        getElement().setAttribute("data-series", String.valueOf(series.size()));
        getElement().setAttribute("data-points", String.valueOf(drawn));
        getElement().setPropertyJson(PROPERTY, chart);
    }
}
