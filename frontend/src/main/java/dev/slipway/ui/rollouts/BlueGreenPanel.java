package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.slipway.rollouts.BlueGreenView;
import dev.slipway.rollouts.CanaryView;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.ui.components.Formats;
import java.util.Locale;

/**
 * Where a blue-green rollout stands: which slot serves, what the new one is doing, when the old one goes,
 * and what its analyses measured. Hidden for other rollouts.
 */
class BlueGreenPanel extends VerticalLayout {

    private final Paragraph where = new Paragraph();
    private final Grid<CanaryView.MeasurementView> measurements = new Grid<>();

    BlueGreenPanel() {
        setPadding(false);
        addClassName("slipway-blue-green");
        measurements.addColumn(m -> m.step() == 1 ? "before promotion" : "after promotion").setHeader("Analysis")
                .setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(CanaryView.MeasurementView::metric).setHeader("Metric").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(m -> Formats.second(m.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(m -> m.value() == null ? "—" : Double.isNaN(m.value()) ? "no data"
                : Double.toString(m.value())).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        measurements.addColumn(m -> m.phase().toLowerCase(Locale.ROOT)).setHeader("Result").setAutoWidth(true)
                .setFlexGrow(0);
        measurements.addColumn(m -> m.error() == null ? "" : m.error()).setHeader("Why no value").setFlexGrow(1);
        measurements.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        measurements.setAllRowsVisible(true);
        add(new H3("Blue-green"), where, measurements);
    }

    void show(RolloutView rollout) {
        BlueGreenView blueGreen = rollout.blueGreen();
        setVisible(blueGreen != null);
        if (blueGreen == null) {
            return;
        }
        where.setText(describe(rollout, blueGreen));
        measurements.setItems(blueGreen.measurements());
        measurements.setVisible(!blueGreen.measurements().isEmpty());
    }

    private static String describe(RolloutView rollout, BlueGreenView b) {
        String old = b.activeSlot() == null ? "its own Deployment" : "the " + b.activeSlot() + " slot";
        String v = "v" + rollout.release();
        if (rollout.phase() == RolloutPhase.SUCCEEDED) {
            return v + " serves from the " + b.newSlot() + " slot; the old slot is scaled to 0.";
        }
        if (!rollout.phase().active()) {
            return "The app's traffic stays on v" + rollout.stableRelease() + "; the " + b.newSlot()
                    + " slot is scaled to 0.";
        }
        if (b.switched()) {
            return "The app's traffic goes to " + v + " in the " + b.newSlot() + " slot. v" + rollout.stableRelease()
                    + " stays up in " + old + " for an instant rollback"
                    + (b.scaleDownAt() == null ? "." : " until " + Formats.second(b.scaleDownAt()) + ".");
        }
        return switch (b.stage()) {
            case "MIGRATE" -> "Moving v" + rollout.stableRelease() + " into a slot, so that the app's Service can"
                    + " select slots (first blue-green rollout here).";
            case "PREVIEW" -> v + " starts in the " + b.newSlot() + " slot, behind the preview Service; the app's"
                    + " traffic stays on v" + rollout.stableRelease() + " in " + old + ".";
            case "PRE_ANALYSIS" -> v + " runs in the " + b.newSlot() + " slot and is being measured before promotion.";
            case "AWAIT" -> v + " is ready in the " + b.newSlot() + " slot (preview Service). Promote to switch the"
                    + " app's traffic to it.";
            default -> v + " grows to full size in the " + b.newSlot() + " slot; then the app's traffic switches to it.";
        };
    }
}
