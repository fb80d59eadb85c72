package dev.slipway.ui.builds;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.builds.AutoDeployView;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.RepositoryAccess;
import dev.slipway.builds.BuildTrigger;
import dev.slipway.builds.BuildView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.apps.AppDetailView;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** An app's builds, newest first, and the button that starts one. */
@Route("apps/:app/builds")
@PermitAll
public class BuildsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BuildService builds;
    private final AppService apps;
    private final CurrentUser user;
    private final Grid<BuildView> grid = new Grid<>();
    private String app = "";

    BuildsView(BuildService builds, AppService apps, CurrentUser user) {
        this.builds = builds;
        this.apps = apps;
        this.user = user;
        grid.addComponentColumn(b -> new RouterLink("#" + b.number(), BuildDetailView.class,
                BuildDetailView.parameters(b.app(), b.number()))).setHeader("Build").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(b -> BuildBadges.of(b.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> b.branch() + (b.shortCommit() == null ? "" : " @ " + b.shortCommit())).setHeader("Commit")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> b.message() == null ? "" : b.message() + " (" + b.author() + ")").setHeader("Message")
                .setFlexGrow(1);
        grid.addColumn(b -> b.took() == null ? "" : b.took().toSeconds() + " s").setHeader("Took").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(b -> Formats.minute(b.createdAt()) + " by " + b.requestedBy()).setHeader("Started")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No builds yet.");
    }

    public static RouteParameters parameters(String app) {
        return new RouteParameters(new RouteParam("app", app));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        app = event.getRouteParameters().get("app").orElse("");
        AppView view = apps.get(user.actor(), app); // NotFoundException for what the user may not see
        removeAll();
        H2 title = new H2("Builds of " + app);
        HorizontalLayout heading = new HorizontalLayout(title, new RouterLink("Back to " + app, AppDetailView.class,
                AppDetailView.parameters(app)));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading);
        if (view.source() != AppSource.GIT) {
            add(new Paragraph(app + " deploys a prebuilt image, so Slipway does not build it."));
        } else {
            add(new Paragraph("From " + view.origin() + ". Each build fetches the commit, runs the project's Maven or"
                    + " Gradle build and pushes an image pinned to its digest."));
            builds.unavailableBecause().ifPresent(why -> add(new Paragraph(why)));
            if (view.yourRole().includes(TeamRole.DEVELOPER) && builds.unavailableBecause().isEmpty()) {
                Button start = new Button("Build now", VaadinIcon.HAMMER.create(), e -> startDialog(view));
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(start);
            }
        }
        if (view.source() == AppSource.GIT) {
            add(repositoryAccess(), autoDeploys(view));
        }
        add(grid);
        grid.setItems(builds.list(user.actor(), app));
    }

    @Override
    public String getPageTitle() {
        return "Builds of " + app + " · Slipway";
    }

    /** Whether builds fetch with an access token, and (for maintainers) setting or removing it. */
    private Div repositoryAccess() {
        Div section = new Div();
        RepositoryAccess access = builds.repositoryAccess(user.actor(), app);
        Paragraph state = new Paragraph(access.hasToken()
                ? "Private repository: builds fetch with an access token set by " + access.setBy() + " "
                        + Formats.minute(access.setAt()) + ". It is not shown again."
                : "Builds fetch the repository without credentials. For a private repository over https, a"
                        + " maintainer sets an access token (read access to the code is enough).");
        section.add(state);
        if (access.canChange()) {
            Button set = new Button(access.hasToken() ? "Replace access token" : "Set access token",
                    VaadinIcon.KEY.create(), e -> tokenDialog());
            section.add(set);
            if (access.hasToken()) {
                Button remove = new Button("Remove access token", e -> {
                    builds.setRepositoryToken(user.actor(), app, null);
                    Notifications.success("Builds now fetch without credentials.");
                    getUI().ifPresent(ui -> ui.navigate(BuildsView.class, parameters(app)));
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                section.add(remove);
            }
        }
        return section;
    }

    private void tokenDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Access token for " + app);
        PasswordField token = new PasswordField("Access token");
        token.setWidthFull();
        token.setHelperText("Write-only: used by builds to fetch, never shown again, masked in build logs");
        dialog.add(token);
        Button save = new Button("Save", e -> {
            try {
                builds.setRepositoryToken(user.actor(), app, token.getValue());
                dialog.close();
                Notifications.success("Builds fetch with the new access token.");
                getUI().ifPresent(ui -> ui.navigate(BuildsView.class, parameters(app)));
            } catch (InvalidInputException problem) {
                token.setInvalid(true);
                token.setErrorMessage(problem.problems().getFirst().message());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("32em");
        dialog.open();
    }

    /** One switch per environment: "deploy successful builds of main here". */
    private Div autoDeploys(AppView view) {
        Div section = new Div();
        section.addClassName("slipway-auto-deploys");
        boolean mayChange = view.yourRole().includes(TeamRole.DEVELOPER);
        for (AutoDeployView setting : builds.autoDeploys(user.actor(), app)) {
            Checkbox box = new Checkbox("Deploy successful builds of " + view.branch() + " to " + setting.environment());
            box.setValue(setting.branch() != null);
            box.setEnabled(mayChange && setting.available());
            if (!setting.available()) {
                box.setHelperText("Protected: every deploy there needs a maintainer; promote to it instead");
            }
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    builds.setAutoDeploy(user.actor(), app, setting.environment(), e.getValue());
                    Notifications.success(e.getValue() ? "Successful builds now deploy to " + setting.environment() + "."
                            : "Builds no longer deploy to " + setting.environment() + " on their own.");
                }
            });
            section.add(box);
        }
        return section;
    }

    private void startDialog(AppView view) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Build " + app);
        TextField branch = new TextField("Branch");
        branch.setValue(String.valueOf(view.branch()));
        TextField commit = new TextField("Commit");
        commit.setPlaceholder("the branch's newest commit");
        commit.setHelperText("A full 40-character SHA, or empty");
        dialog.add(new FormLayout(branch, commit));
        Button start = new Button("Start build", e -> {
            try {
                BuildView build = builds.start(user.actor(), app, branch.getValue(), commit.getValue(), BuildTrigger.MANUAL);
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(BuildDetailView.class, BuildDetailView.parameters(app, build.number())));
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("branch", branch, "commit", commit));
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), start);
        dialog.open();
    }
}
