package dev.slipway.ui.builds;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import com.vaadin.flow.component.textfield.TextArea;
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
import dev.slipway.apps.RepositoryUrls;
import dev.slipway.builds.AutoDeployView;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.DeployKeyService;
import dev.slipway.builds.DeployKeyView;
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
    private final DeployKeyService deployKeys;
    private final AppService apps;
    private final CurrentUser user;
    private final Grid<BuildView> grid = new Grid<>();
    private String app = "";

    BuildsView(BuildService builds, DeployKeyService deployKeys, AppService apps, CurrentUser user) {
        this.builds = builds;
        this.deployKeys = deployKeys;
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
            java.util.Optional<String> unavailable = builds.unavailableBecause();
            unavailable.ifPresent(why -> add(new Paragraph(why)));
            if (view.yourRole().includes(TeamRole.DEVELOPER) && unavailable.isEmpty()) {
                Button start = new Button("Build now", VaadinIcon.HAMMER.create(), e -> startDialog(view));
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(start);
            }
        }
        if (view.source() == AppSource.GIT) {
            add(RepositoryUrls.isSsh(String.valueOf(view.repositoryUrl())) ? deployKey() : repositoryAccess(),
                    autoDeploys(view));
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
                    builds.removeRepositoryToken(user.actor(), app);
                    Notifications.success("Builds now fetch without credentials.");
                    getUI().ifPresent(ui -> ui.navigate(BuildsView.class, parameters(app)));
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                section.add(remove);
            }
        }
        return section;
    }

    /**
     * The ssh deploy key: its public half to copy into the provider, the git server's remembered host key,
     * and (for maintainers) making, replacing or removing the key and forgetting the host key.
     */
    private Div deployKey() {
        Div section = new Div();
        section.addClassName("slipway-deploy-key");
        DeployKeyView key = deployKeys.view(user.actor(), app);
        if (!key.present()) {
            section.add(new Paragraph("The repository is fetched over ssh, with a deploy key Slipway makes for " + app
                    + ". There is none yet" + (key.canChange() ? "." : "; a maintainer of the team makes one.")));
        } else {
            section.add(new Paragraph("Builds fetch over ssh with this deploy key, made by " + key.createdBy() + " "
                    + Formats.minute(key.createdAt()) + ". Add it to the repository as a read-only deploy key (the"
                    + " private half never leaves Slipway)."));
            TextArea publicKey = new TextArea("Public key (" + key.fingerprint() + ")");
            publicKey.setValue(String.valueOf(key.publicKey()));
            publicKey.setReadOnly(true);
            publicKey.setWidthFull();
            section.add(publicKey);
            section.add(new Paragraph(key.hostKeyFingerprint() == null
                    ? "The git server's host key is trusted and remembered at the first fetch."
                    : "Git server's host key, remembered at the first fetch: " + key.hostKeyFingerprint()
                            + ". A fetch from a server with another key is refused."));
        }
        if (key.canChange()) {
            HorizontalLayout actions = new HorizontalLayout();
            Button make = new Button(key.present() ? "Replace deploy key" : "Make deploy key", VaadinIcon.KEY.create(),
                    e -> {
                        if (key.present()) {
                            confirm("Replace the deploy key of " + app + "?", "Builds fail to fetch until the new"
                                    + " public key is added to the repository.", "Replace",
                                    () -> deployKeys.generate(user.actor(), app), "Made a new deploy key; add it to"
                                            + " the repository.");
                        } else {
                            deployKeys.generate(user.actor(), app);
                            Notifications.success("Made a deploy key; add its public key to the repository.");
                            reload();
                        }
                    });
            actions.add(make);
            if (key.hostKeyFingerprint() != null) {
                Button forget = new Button("Forget host key", e -> confirm("Forget the git server's host key?",
                        "Only when the server was really re-keyed: the next fetch trusts whatever key it is offered.",
                        "Forget", () -> deployKeys.forgetHostKey(user.actor(), app), "The next fetch remembers the"
                                + " server's new host key."));
                forget.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(forget);
            }
            if (key.present()) {
                Button remove = new Button("Remove deploy key", e -> confirm("Remove the deploy key of " + app + "?",
                        "Builds cannot fetch the repository until a new key is made and added.", "Remove",
                        () -> deployKeys.remove(user.actor(), app), "Removed the deploy key."));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                actions.add(remove);
            }
            section.add(actions);
        }
        return section;
    }

    private void confirm(String header, String text, String action, Runnable change, String done) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText(action);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            change.run();
            Notifications.success(done);
            reload();
        });
        confirm.open();
    }

    private void reload() {
        getUI().ifPresent(ui -> ui.navigate(BuildsView.class, parameters(app)));
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
