package dev.slipway.ui.teams;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSummary;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.apps.AppDetailView;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One team: its apps and its members. Maintainers also edit the team and manage members here; platform
 * admins may delete it. Someone outside the team who types this address gets the "not found" page.
 */
@Route("teams/:name")
@PermitAll
public class TeamDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TeamService teams;
    private final AppService apps;
    private final UserService users;
    private final CurrentUser user;
    private String title = "Team · Slipway";

    TeamDetailView(TeamService teams, AppService apps, UserService users, CurrentUser user) {
        this.teams = teams;
        this.apps = apps;
        this.users = users;
        this.user = user;
    }

    public static RouteParameters parameters(String team) {
        return new RouteParameters("name", team);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        // Throws NotFoundException for teams the user does not belong to; the router shows NotFoundView.
        TeamView team = teams.get(user.actor(), name);
        title = team.name() + " · Slipway";
        render(team);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(TeamView team) {
        removeAll();
        Actor actor = user.actor();
        boolean maintainer = actor.platformAdmin() || team.yourRole() == TeamRole.MAINTAINER;
        add(header(team, maintainer, actor.platformAdmin()));
        if (!team.description().isBlank()) {
            add(new Paragraph(team.description()));
        }
        add(new H3("Apps"), appsGrid(team.name()));
        add(new H3("Members"), new TeamMembers(teams, users, user, team.name(), maintainer, () -> reload(team.name())));
    }

    /**
     * After a member change the user may have changed their own role, so controls are decided again. Someone
     * who removed themselves no longer sees the team at all and goes back to their list.
     */
    private void reload(String name) {
        try {
            render(teams.get(user.actor(), name));
        } catch (NotFoundException noLongerMember) {
            getUI().ifPresent(ui -> ui.navigate(TeamListView.class));
        }
    }

    private HorizontalLayout header(TeamView team, boolean maintainer, boolean platformAdmin) {
        HorizontalLayout titleRow = new HorizontalLayout(new H2(team.displayName()));
        if (!team.displayName().equals(team.name())) {
            titleRow.add(new Span(team.name()));
        }
        TeamRole role = team.yourRole();
        if (role != null) {
            titleRow.add(Badges.role(role));
        }
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        Button edit = new Button("Edit", VaadinIcon.EDIT.create(),
                e -> TeamFormDialog.forExistingTeam(teams, user, team, this::render).open());
        edit.setVisible(maintainer);
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(team));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(platformAdmin);

        HorizontalLayout header = new HorizontalLayout(titleRow, new HorizontalLayout(edit, delete));
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        return header;
    }

    private Grid<AppSummary> appsGrid(String teamName) {
        Grid<AppSummary> grid = new Grid<>();
        grid.addComponentColumn(app -> new RouterLink(app.name(), AppDetailView.class, AppDetailView.parameters(app.name())))
                .setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppSummary::origin).setHeader("Source").setFlexGrow(2);
        grid.addColumn(AppSummary::description).setHeader("Description").setFlexGrow(2);
        grid.addColumn(app -> Formats.minute(app.updatedAt())).setHeader("Changed").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Team " + teamName + " owns no apps yet. Its developers and maintainers create"
                + " them with New app on the Apps page.");
        grid.setItems(query -> {
            PageRequest page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            PageRequest byName = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("name"));
            return apps.search(user.actor(), null, teamName, byName).stream();
        });
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void confirmDelete(TeamView team) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete team " + team.name() + "?");
        confirm.setText("The team and its memberships are removed. A team that still owns apps cannot be deleted;"
                + " delete its apps first. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            // A team that still owns apps makes the service throw a ConflictException that says so;
            // UiErrorHandling shows its message and the user stays on this page.
            teams.delete(user.actor(), team.name());
            Notifications.success("Deleted team " + team.name() + ".");
            getUI().ifPresent(ui -> ui.navigate(TeamListView.class));
        });
        confirm.open();
    }
}
