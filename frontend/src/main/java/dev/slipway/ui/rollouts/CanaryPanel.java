package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.slipway.rollouts.CanaryView;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.ui.components.Formats;
import java.util.List;
import java.util.Locale;

/**
 * Where a canary stands: its steps with the current one marked, the share of requests the canary gets
 * and from how many pods, and every measurement its analyses took. Hidden for other rollouts.
 */
class CanaryPanel extends VerticalLayout {

    private final Paragraph where = new Paragraph();
    private final OrderedList steps = new OrderedList();
    private final Grid<CanaryView.MeasurementView> measurements = new Grid<>();

    CanaryPanel() {
        setPadding(false);
        addClassName("slipway-canary");
        steps.addClassName("slipway-canary-steps");
        measurements.addColumn(m -> m.step() == 0 ? "background" : Integer.toString(m.step())).setHeader("Step")
                .setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(CanaryView.MeasurementView::metric).setHeader("Metric").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(m -> Formats.second(m.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(CanaryPanel::value).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(m -> m.phase().toLowerCase(Locale.ROOT)).setHeader("Result").setAutoWidth(true)
                .setFlexGrow(0);
        measurements.addColumn(m -> m.error() == null ? "" : m.error()).setHeader("Why no value").setFlexGrow(1);
        measurements.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        measurements.setAllRowsVisible(true);
        measurements.setEmptyStateText("No analysis has measured yet.");
        add(new H3("Canary"), where, steps, measurements);
    }

    void show(RolloutView rollout) {
        CanaryView canary = rollout.canary();
        setVisible(canary != null);
        if (canary == null) {
            return;
        }
        where.setText(describe(rollout, canary));
        steps.removeAll();
        List<String> lines = canary.steps();
        for (int i = 0; i < lines.size(); i++) {
            String state = i < canary.current() ? "done" : i != canary.current() ? ""
                    : rollout.phase().active() ? "now" : rollout.phase() == RolloutPhase.SUCCEEDED ? "" : "stopped here";
            ListItem item = new ListItem(lines.get(i) + (state.isEmpty() ? "" : " (" + state + ")"));
            if (!state.isEmpty()) {
                item.addClassName("slipway-step-" + state.replace(' ', '-'));
            }
            steps.add(item);
        }
        measurements.setItems(canary.measurements());
    }

    private static String describe(RolloutView rollout, CanaryView canary) {
        int total = canary.steps().size();
        if (rollout.phase() == RolloutPhase.SUCCEEDED) {
            return "v" + rollout.release() + " took over the stable Deployment; the canary is scaled to 0.";
        }
        if (!rollout.phase().active()) {
            return "Ended at step " + Math.min(canary.current() + 1, total) + " of " + total + ".";
        }
        if (canary.takingOver()) {
            return "All " + total + " steps done: the stable Deployment takes v" + rollout.release() + ".";
        }
        String split = canary.canaryPods() + " canary " + (canary.canaryPods() == 1 ? "pod" : "pods") + " and "
                + canary.stablePods() + " stable";
        String share = canary.actualWeight() == canary.weight() ? canary.weight() + "% of requests"
                : canary.actualWeight() + "% of requests by pod ratio (step weight " + canary.weight() + "%)";
        return "Step " + (canary.current() + 1) + " of " + total + " (" + canary.steps().get(canary.current())
                + "): v" + rollout.release() + " gets " + share + " on " + split + ".";
    }

    private static String value(CanaryView.MeasurementView m) {
        if (m.value() == null) {
            return "—";
        }
        return Double.isNaN(m.value()) ? "no data" : Double.toString(m.value());
    }
}
