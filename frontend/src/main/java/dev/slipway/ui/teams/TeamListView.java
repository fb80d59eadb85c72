package dev.slipway.ui.teams;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The teams the user belongs to (every team for platform admins), and for admins a way to create one. */
@Route("teams")
@PageTitle("Teams · Slipway")
@PermitAll
public class TeamListView extends VerticalLayout {

    private final Grid<TeamView> grid = new Grid<>();

    TeamListView(TeamService teams, CurrentUser user) {
        setSizeFull();
        boolean platformAdmin = user.actor().platformAdmin();

        Button create = new Button("New team", VaadinIcon.PLUS.create(),
                e -> TeamFormDialog.forNewTeam(teams, user, created -> getUI().ifPresent(ui ->
                        ui.navigate(TeamDetailView.class, TeamDetailView.parameters(created.name())))).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(platformAdmin);
        HorizontalLayout header = new HorizontalLayout(new H2("Teams"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        configureGrid(platformAdmin);
        grid.setItems(teams.list(user.actor()));
        add(header, grid);
    }

    private void configureGrid(boolean platformAdmin) {
        grid.addComponentColumn(team -> new RouterLink(team.name(), TeamDetailView.class,
                        TeamDetailView.parameters(team.name())))
                .setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TeamView::displayName).setHeader("Display name").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(TeamListView::yourRole).setHeader("Your role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TeamView::members).setHeader("Members").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TeamView::description).setHeader("Description").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(platformAdmin
                ? "There are no teams yet. Create the first one with New team, then add its members."
                : "You are not a member of any team yet. Ask a team maintainer to add you, or a platform admin"
                        + " to create a team for you.");
        grid.setSizeFull();
    }

    /** Admins see every team; where they are not a member, the badge says why they can see it at all. */
    private static Component yourRole(TeamView team) {
        TeamRole role = team.yourRole();
        if (role != null) {
            return Badges.role(role);
        }
        Badge admin = Badges.of("Admin", BadgeVariant.CONTRAST);
        admin.getElement().setAttribute("title", "You are not a member; you see this team as a platform admin.");
        return admin;
    }
}
