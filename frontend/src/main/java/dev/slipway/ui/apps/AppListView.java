package dev.slipway.ui.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSummary;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The apps of the user's teams, searchable, with a way to create one. */
@Route("")
@RouteAlias("apps")
@PageTitle("Apps · Slipway")
@PermitAll
public class AppListView extends VerticalLayout {

    private final AppService apps;
    private final CurrentUser user;
    private final TextField search = new TextField();
    private final ComboBox<String> team = new ComboBox<>();
    private final Grid<AppSummary> grid = new Grid<>();

    AppListView(AppService apps, TeamService teams, PlatformSettingsService settings, CurrentUser user) {
        this.apps = apps;
        this.user = user;
        setSizeFull();

        List<TeamView> myTeams = teams.list(user.actor());
        List<String> creatableIn = AppFormDialog.teamsThatMayCreate(myTeams, user.actor().platformAdmin());

        Button create = new Button("New app", VaadinIcon.PLUS.create(),
                e -> AppFormDialog.forNewApp(apps, settings, user, creatableIn, created -> {
                    grid.getDataProvider().refreshAll();
                    getUI().ifPresent(ui -> ui.navigate(AppDetailView.class, AppDetailView.parameters(created.name())));
                }).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(!creatableIn.isEmpty());
        HorizontalLayout header = new HorizontalLayout(new H2("Apps"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        search.setPlaceholder("Search by name or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        team.setPlaceholder("All my teams");
        team.setItems(myTeams.stream().map(TeamView::name).toList());
        team.setClearButtonVisible(true);
        team.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        configureGrid(emptyStateText(myTeams.isEmpty(), !creatableIn.isEmpty(), user.actor().platformAdmin()));
        add(header, new HorizontalLayout(search, team), grid);
    }

    /** What to do next when the list is empty, which depends on what this user can do. */
    private static String emptyStateText(boolean noTeams, boolean canCreate, boolean platformAdmin) {
        if (noTeams && platformAdmin) {
            return "There are no teams yet. Create a team under Teams; then its apps can be created here.";
        }
        if (noTeams) {
            return "You are not a member of any team yet. Ask a team maintainer or a platform admin to add you.";
        }
        return canCreate ? "No apps match. Clear the search, or create an app with New app." : "No apps match.";
    }

    private void configureGrid(String emptyStateText) {
        grid.addComponentColumn(app -> new RouterLink(app.name(), AppDetailView.class, AppDetailView.parameters(app.name())))
                .setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppSummary::team).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppSummary::origin).setHeader("Source").setFlexGrow(2);
        grid.addColumn(AppSummary::description).setHeader("Description").setFlexGrow(2);
        grid.addColumn(app -> Formats.minute(app.updatedAt())).setHeader("Changed").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(emptyStateText);
        grid.setItems(query -> {
            PageRequest page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            PageRequest byName = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("name"));
            return apps.search(user.actor(), search.getValue(), team.getValue(), byName).stream();
        });
        grid.setSizeFull();
    }

}
