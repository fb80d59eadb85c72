package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.slipway.rollouts.EnvironmentStatus;
import dev.slipway.rollouts.LiveStatus;
import dev.slipway.rollouts.PodView;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.ui.components.Formats;

/** The latest rollout and what the cluster reports right now: replica counts and pods. */
class LiveStatusPanel extends VerticalLayout {

    private final HorizontalLayout heading = new HorizontalLayout();
    private final Paragraph rolloutLine = new Paragraph();
    private final Paragraph reason = new Paragraph();
    private final Div counts = new Div();
    private final Grid<PodView> pods = new Grid<>();

    LiveStatusPanel() {
        setPadding(false);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        reason.addClassName("slipway-reason");
        counts.addClassName("slipway-counts");
        pods.addColumn(PodView::name).setHeader("Pod").setFlexGrow(2);
        pods.addColumn(p -> p.release() == null ? "" : "v" + p.release()).setHeader("Release").setAutoWidth(true)
                .setFlexGrow(0);
        pods.addColumn(PodView::phase).setHeader("Phase").setAutoWidth(true).setFlexGrow(0);
        pods.addColumn(p -> p.ready() ? "ready" : "not ready").setHeader("Ready").setAutoWidth(true).setFlexGrow(0);
        pods.addColumn(PodView::restarts).setHeader("Restarts").setAutoWidth(true).setFlexGrow(0);
        pods.addColumn(p -> p.waitingReason() == null ? "" : p.waitingReason()).setHeader("Waiting").setFlexGrow(1);
        pods.addThemeVariants(GridVariant.LUMO_COMPACT);
        pods.setAllRowsVisible(true);
        pods.setEmptyStateText("No pods.");
        add(heading, rolloutLine, reason, counts, pods);
    }

    void show(EnvironmentStatus status) {
        heading.removeAll();
        RolloutView rollout = status.rollout();
        if (rollout == null) {
            heading.add(new H3("Nothing deployed yet"));
            rolloutLine.setText("Deploy an image to start the first release here.");
            reason.setVisible(false);
        } else {
            heading.add(new H3("Rollout of v" + rollout.release()), PhaseBadges.of(rollout.phase()));
            rolloutLine.setText((rollout.stableRelease() == null ? "First release" : "From v" + rollout.stableRelease())
                    + ", " + rollout.strategy().toLowerCase().replace('_', '-') + (rollout.fastTrack() ? " (fast-tracked)" : "")
                    + ", started by " + rollout.startedBy() + " at " + Formats.second(rollout.startedAt())
                    + (rollout.finishedAt() == null ? "" : ", finished at " + Formats.second(rollout.finishedAt())));
            reason.setText(rollout.reason() == null ? "" : rollout.reason());
            reason.setVisible(rollout.reason() != null);
        }
        LiveStatus live = status.live();
        counts.removeAll();
        if (live.deployed()) {
            counts.add(count("Running", live.release() == null ? "?" : "v" + live.release()),
                    count("Desired", live.desired()), count("Updated", live.updated()), count("Ready", live.ready()),
                    count("Available", live.available()));
            if (live.paused()) {
                counts.add(count("Kubernetes", "paused"));
            }
        } else {
            counts.add(new Span("The cluster has no Deployment of this app."));
        }
        pods.setItems(live.pods());
    }

    private static Span count(String label, Object value) {
        Span span = new Span(label + ": " + value);
        span.addClassName("slipway-count");
        return span;
    }
}
