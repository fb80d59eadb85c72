package dev.slipway.ui.clusters;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterView;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.ConflictException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * The clusters Slipway deploys to: register, change, check the connection of and remove them. The sandbox
 * is always marked as simulated.
 */
@Route("admin/clusters")
@PageTitle("Clusters · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class ClustersView extends VerticalLayout {

    private final ClusterService clusters;
    private final KubernetesClients clients;
    private final CurrentUser user;
    private final Grid<ClusterView> grid = new Grid<>();

    ClustersView(ClusterService clusters, KubernetesClients clients, CurrentUser user) {
        this.clusters = clusters;
        this.clients = clients;
        this.user = user;
        setSizeFull();

        Button register = new Button("Register cluster", VaadinIcon.PLUS.create(),
                e -> ClusterFormDialog.forNewCluster(clusters, user, this::refresh).open());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Clusters"), register);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        Paragraph about = new Paragraph("Tokens and kubeconfigs are stored encrypted and cannot be read back, only"
                + " replaced. Slipway does not contact a cluster when you register it: use Check connection to see"
                + " whether it can reach the cluster and deploy there.");
        configureGrid();
        add(header, about, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(ClusterView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ClustersView::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> ClusterFormDialog.label(c.auth())).setHeader("Auth").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ClustersView::apiUrl).setHeader("API URL").setFlexGrow(2);
        grid.addColumn(c -> c.credentialsSet() ? "set " + Formats.minute(c.credentialsUpdatedAt()) : "none")
                .setHeader("Credentials").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClusterView::description).setHeader("Description").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No clusters. Register one with Register cluster.");
        grid.setSizeFull();
    }

    private static Component kind(ClusterView cluster) {
        if (!cluster.simulated()) {
            return new Span("Kubernetes");
        }
        HorizontalLayout sandbox = new HorizontalLayout(new Span("Sandbox"), Badges.simulated());
        sandbox.setAlignItems(FlexComponent.Alignment.CENTER);
        return sandbox;
    }

    /** The URL, plus a warning when certificates are not checked, so an insecure cluster stands out. */
    private static Component apiUrl(ClusterView cluster) {
        HorizontalLayout cell = new HorizontalLayout(new Span(Optional.ofNullable(cluster.apiUrl()).orElse("")));
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        if (cluster.skipTlsVerify()) {
            cell.add(Badges.of("TLS not verified", BadgeVariant.ERROR));
        }
        return cell;
    }

    private Component actions(ClusterView cluster) {
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(),
                e -> ClusterFormDialog.forExistingCluster(clusters, user, cluster, this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button check = new Button("Check connection", VaadinIcon.CONNECT.create(),
                e -> new ConnectionCheckDialog(clients, user, cluster.name()).open());
        check.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(cluster));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, check, delete);
    }

    private void confirmDelete(ClusterView cluster) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete cluster " + cluster.name() + "?");
        confirm.setText("Slipway forgets the cluster and its stored credentials. Nothing on the cluster itself is"
                + " touched. Environments that use it must be moved or deleted first.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete(cluster));
        confirm.open();
    }

    private void delete(ClusterView cluster) {
        try {
            clusters.delete(user.actor(), cluster.name());
            Notifications.success("Deleted cluster " + cluster.name() + ".");
            refresh();
        } catch (ConflictException stillUsed) {
            // The service's message says why and what to do next; it is worth more than a generic error.
            Notifications.error(stillUsed.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(clusters.list(user.actor()));
    }
}
