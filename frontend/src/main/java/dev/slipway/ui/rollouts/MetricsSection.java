package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import dev.slipway.metrics.EnvironmentMetrics;
import dev.slipway.metrics.MetricsService;
import dev.slipway.ui.metrics.TimeSeriesChart;
import dev.slipway.ui.security.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The app's metrics in the environment: request rate, error rate, latency, CPU, memory, restarts and
 * ready pods, one line per release (a canary beside the stable release), rollouts as markers. Updated
 * every 5 s while a rollout is in flight, so it can be watched in its numbers, and every 30 s otherwise.
 */
class MetricsSection extends VerticalLayout {

    /** How often the charts are fetched again while a rollout runs, so it can be watched in its numbers. */
    static final Duration EVERY = Duration.ofSeconds(5);
    /** How often otherwise: each fetch is eight Prometheus range queries, per open page. */
    static final Duration QUIET = Duration.ofSeconds(30);

    private final MetricsService metrics;
    private final CurrentUser user;
    private final String app;
    private final String environment;
    private final Clock clock;
    private final Select<Duration> range = new Select<>();
    private final Paragraph source = new Paragraph();
    private final Paragraph unavailable = new Paragraph();
    private final Div charts = new Div();
    private final Map<String, TimeSeriesChart> byKey = new LinkedHashMap<>();
    private @Nullable Instant shownAt;
    private @Nullable Registration poll;
    private boolean rolloutInFlight;

    MetricsSection(MetricsService metrics, CurrentUser user, String app, String environment, Clock clock) {
        this.metrics = metrics;
        this.user = user;
        this.app = app;
        this.environment = environment;
        this.clock = clock;
        setPadding(false);
        addClassName("slipway-metrics");
        range.setLabel("Time range");
        range.setItems(MetricsService.RANGES);
        range.setItemLabelGenerator(MetricsSection::label);
        range.setValue(Duration.ofHours(1));
        range.addValueChangeListener(e -> refresh());
        source.addClassName("slipway-hint-left");
        unavailable.addClassName("slipway-reason");
        charts.addClassName("slipway-charts");
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(26em, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        HorizontalLayout heading = new HorizontalLayout(new H3("Metrics"), range);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, source, unavailable, charts);
        setWidthFull();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.setPollInterval((int) EVERY.toMillis());
        poll = ui.addPollListener(e -> refreshIfStale());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    /** Whether a rollout is in flight, which makes the charts follow every few seconds. */
    void following(boolean inFlight) {
        this.rolloutInFlight = inFlight;
    }

    /** A page refresh during a rollout comes many times a second; the charts follow at most every few seconds. */
    void refreshIfStale() {
        Duration every = rolloutInFlight ? EVERY : QUIET;
        if (shownAt == null || !clock.instant().isBefore(shownAt.plus(every))) {
            refresh();
        }
    }

    void refresh() {
        EnvironmentMetrics seen = metrics.metrics(user.actor(), app, environment, range.getValue());
        shownAt = clock.instant();
        source.setText("Source: " + seen.source() + ".");
        unavailable.setText(seen.unavailable() == null ? "" : seen.unavailable());
        unavailable.setVisible(seen.unavailable() != null);
        List<TimeSeriesChart.Marker> markers = seen.markers().stream()
                .map(m -> new TimeSeriesChart.Marker(m.at(), m.label())).toList();
        for (EnvironmentMetrics.Chart chart : seen.charts()) {
            TimeSeriesChart shown = byKey.computeIfAbsent(chart.key(), k -> {
                TimeSeriesChart created = new TimeSeriesChart(chart.title(), TimeSeriesChart.Unit.valueOf(chart.unit().name()));
                created.getElement().setAttribute("data-metric", k);
                charts.add(created);
                return created;
            });
            shown.show(chart.series().stream().map(s -> new TimeSeriesChart.Series(s.label(), s.points().stream()
                    .map(p -> new TimeSeriesChart.Point(p.at(), p.value())).toList())).toList(), markers,
                    seen.from(), seen.to());
        }
        charts.setVisible(!seen.charts().isEmpty());
    }

    private static String label(Duration duration) {
        return duration.toDays() >= 1 ? "Last day" : duration.toHours() >= 1 ? "Last " + duration.toHours()
                + (duration.toHours() == 1 ? " hour" : " hours") : "Last " + duration.toMinutes() + " minutes";
    }
}
