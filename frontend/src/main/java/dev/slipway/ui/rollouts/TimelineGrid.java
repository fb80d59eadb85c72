package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.slipway.rollouts.RolloutEventView;
import dev.slipway.ui.components.Formats;
import java.util.List;

/** Every decision of a rollout with its reason, newest last, as the engine recorded them. */
class TimelineGrid extends Grid<RolloutEventView> {

    TimelineGrid() {
        addColumn(e -> Formats.second(e.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        addColumn(RolloutEventView::kind).setHeader("What").setWidth("9em").setFlexGrow(0);
        addColumn(RolloutEventView::message).setHeader("Why / details").setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        setEmptyStateText("No rollout yet.");
    }

    void show(List<RolloutEventView> events) {
        setItems(events);
    }
}
