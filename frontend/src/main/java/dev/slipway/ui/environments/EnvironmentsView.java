package dev.slipway.ui.environments;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.slipway.clusters.ClusterService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.ConflictException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The stages releases move through, in promotion order: create, reorder, change and remove them. */
@Route("admin/environments")
@PageTitle("Environments · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class EnvironmentsView extends VerticalLayout {

    private final EnvironmentService environments;
    private final ClusterService clusters;
    private final CurrentUser user;
    private final Grid<EnvironmentView> grid = new Grid<>();
    /** The current rows, so the move buttons know which row is first and which is last. */
    private List<EnvironmentView> shown = List.of();

    EnvironmentsView(EnvironmentService environments, ClusterService clusters, CurrentUser user) {
        this.environments = environments;
        this.clusters = clusters;
        this.user = user;
        setSizeFull();

        Button create = new Button("New environment", VaadinIcon.PLUS.create(), e -> EnvironmentFormDialog
                .forNewEnvironment(environments, clusters.list(user.actor()), user, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Environments"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        configureGrid();
        add(header, grid);
        show(environments.list());
    }

    private void configureGrid() {
        grid.addColumn(EnvironmentView::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentView::description).setHeader("Description").setFlexGrow(2);
        grid.addComponentColumn(EnvironmentsView::cluster).setHeader("Cluster").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(EnvironmentsView::namespace).setHeader("Namespace").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(env -> env.createNamespace() ? "yes" : "no").setHeader("Creates namespace")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(env -> env.protectedEnvironment() ? Badges.protectedEnvironment() : new Span())
                .setHeader("Protected").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No environments. Apps cannot be deployed until you create one with New environment.");
        grid.setSizeFull();
    }

    private static Component cluster(EnvironmentView env) {
        HorizontalLayout cell = new HorizontalLayout(new Span(env.cluster()));
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        if (env.simulated()) {
            cell.add(Badges.simulated());
        }
        return cell;
    }

    /** The template and what it gives for a sample app, because a template alone is hard to read. */
    private static Component namespace(EnvironmentView env) {
        Span example = new Span(env.namespaceFor(EnvironmentFormDialog.SAMPLE_TEAM, EnvironmentFormDialog.SAMPLE_APP)
                + " for app " + EnvironmentFormDialog.SAMPLE_APP + " of team " + EnvironmentFormDialog.SAMPLE_TEAM);
        example.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return new Div(new Div(env.namespaceTemplate()), example);
    }

    private Component actions(EnvironmentView env) {
        Button earlier = new Button(VaadinIcon.ARROW_UP.create(), e -> move(env, true));
        earlier.setAriaLabel("Move " + env.name() + " earlier");
        earlier.setTooltipText("Move earlier in the promotion order");
        earlier.setEnabled(!shown.isEmpty() && !shown.getFirst().name().equals(env.name()));
        Button later = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(env, false));
        later.setAriaLabel("Move " + env.name() + " later");
        later.setTooltipText("Move later in the promotion order");
        later.setEnabled(!shown.isEmpty() && !shown.getLast().name().equals(env.name()));
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> EnvironmentFormDialog
                .forExistingEnvironment(environments, clusters.list(user.actor()), user, env, this::refresh).open());
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(env));
        for (Button button : List.of(earlier, later, edit)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(earlier, later, edit, delete);
        buttons.setSpacing(false);
        return buttons;
    }

    private void move(EnvironmentView env, boolean earlier) {
        show(environments.move(user.actor(), env.name(), earlier));
    }

    private void confirmDelete(EnvironmentView env) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete environment " + env.name() + "?");
        confirm.setText("Apps can no longer be deployed to " + env.name() + ". Nothing on the cluster is touched."
                + " This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete(env));
        confirm.open();
    }

    private void delete(EnvironmentView env) {
        try {
            environments.delete(user.actor(), env.name());
            Notifications.success("Deleted environment " + env.name() + ".");
            refresh();
        } catch (ConflictException inUse) {
            // The service's message says why and what to do next; it is worth more than a generic error.
            Notifications.error(inUse.getMessage());
        }
    }

    private void refresh() {
        show(environments.list());
    }

    private void show(List<EnvironmentView> ordered) {
        shown = ordered;
        grid.setItems(ordered);
    }
}
