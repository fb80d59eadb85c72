package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.slipway.rollouts.ReleaseHistoryEntry;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import java.util.List;
import java.util.function.IntConsumer;

/** The releases of an environment, newest first, each with how it ended and a one-click rollback. */
class ReleaseHistoryGrid extends Grid<ReleaseHistoryEntry> {

    private boolean mayRollBack;
    private IntConsumer rollback = release -> { };

    ReleaseHistoryGrid() {
        addColumn(e -> "v" + e.release().number()).setHeader("Release").setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> e.release().image()).setHeader("Image").setFlexGrow(2);
        addColumn(e -> e.config() == null ? "none" : "v" + e.config()).setHeader("Config").setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(ReleaseHistoryGrid::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> e.release().createdBy()).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> Formats.minute(e.release().createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setEmptyStateText("No releases yet.");
    }

    void show(List<ReleaseHistoryEntry> entries, boolean mayRollBack, IntConsumer rollback) {
        this.mayRollBack = mayRollBack;
        this.rollback = rollback;
        setItems(entries);
    }

    private static Component outcome(ReleaseHistoryEntry entry) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.addClassName("slipway-badges");
        if (entry.outcome() != null) {
            badges.add(PhaseBadges.of(entry.outcome()));
        }
        if (entry.running()) {
            badges.add(Badges.of("Running"));
        }
        if (entry.release().rollbackOf() != null) {
            badges.add(new Span("rollback to v" + entry.release().rollbackOf()));
        }
        return badges;
    }

    private Component actions(ReleaseHistoryEntry entry) {
        Button button = new Button("Roll back to v" + entry.release().number(), e -> confirm(entry));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setVisible(mayRollBack && !entry.running());
        return button;
    }

    private void confirm(ReleaseHistoryEntry entry) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Roll back to v" + entry.release().number() + "?");
        dialog.setText("Slipway makes a new release with v" + entry.release().number() + "'s image ("
                + entry.release().image() + "), config" + (entry.config() == null ? "" : " (v" + entry.config() + ")")
                + " and settings, and rolls it out at once, without steps.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Roll back");
        dialog.addConfirmListener(e -> rollback.accept(entry.release().number()));
        dialog.open();
    }
}
