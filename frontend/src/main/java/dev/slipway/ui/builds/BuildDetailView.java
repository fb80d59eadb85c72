package dev.slipway.ui.builds;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppView;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.BuildStatus;
import dev.slipway.builds.BuildView;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.rollouts.DeployService;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.rollouts.AppEnvironmentPage;
import dev.slipway.ui.rollouts.DeployDialog;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One build: what it built, how it ended, and its log, which grows on the page while the build runs.
 * A successful build offers to deploy its image to each environment the user may deploy to.
 */
@Route("apps/:app/builds/:number")
@PermitAll
public class BuildDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int POLL_MS = 1000;

    private final BuildService builds;
    private final AppService apps;
    private final DeployService deploys;
    private final EnvironmentService environments;
    private final CurrentUser user;
    private final Paragraph summary = new Paragraph();
    private final Div status = new Div();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Div log = new Div();
    private String app = "";
    private int number;
    private int linesShown;
    private @Nullable AppView appView;
    private @Nullable Registration polling;
    /** Whether the build had ended when last shown. */
    private boolean finished;

    BuildDetailView(BuildService builds, AppService apps, DeployService deploys, EnvironmentService environments,
                    CurrentUser user) {
        this.builds = builds;
        this.apps = apps;
        this.deploys = deploys;
        this.environments = environments;
        this.user = user;
        log.addClassName("slipway-log");
    }

    public static RouteParameters parameters(String app, int number) {
        return new RouteParameters(new RouteParam("app", app), new RouteParam("number", Integer.toString(number)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        app = event.getRouteParameters().get("app").orElse("");
        try {
            number = Integer.parseInt(event.getRouteParameters().get("number").orElse(""));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no build '" + event.getRouteParameters().get("number").orElse("")
                    + "' of " + app + ".");
        }
        appView = apps.get(user.actor(), app);
        BuildView build = builds.get(user.actor(), app, number);
        removeAll();
        linesShown = 0;
        log.removeAll();
        HorizontalLayout heading = new HorizontalLayout(new H2(app + " build #" + number), status,
                new RouterLink("All builds", BuildsView.class, BuildsView.parameters(app)));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, summary, actions, new H3("Log"), log);
        show(build);
    }

    @Override
    public String getPageTitle() {
        return app + " build #" + number + " · Slipway";
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (finished) {
            return; // nothing changes any more: no polling, and the deploy buttons are not worked out again
        }
        UI ui = attach.getUI();
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    private void refresh() {
        BuildView build = builds.get(user.actor(), app, number);
        show(build);
        if (build.status().finished()) {
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    private void show(BuildView build) {
        finished = build.status().finished();
        status.removeAll();
        status.add(BuildBadges.of(build.status()));
        StringBuilder text = new StringBuilder("Branch " + build.branch());
        if (build.commit() != null) {
            text.append(", commit ").append(build.commit()).append(" by ").append(build.author()).append(": ")
                    .append(build.message());
        }
        text.append(". Started ").append(Formats.second(build.createdAt())).append(" by ").append(build.requestedBy());
        if (build.took() != null) {
            text.append(", took ").append(build.took().toSeconds()).append(" s");
        }
        text.append('.');
        if (build.image() != null) {
            text.append(" Image: ").append(build.image());
        }
        if (build.reason() != null && build.status() != BuildStatus.SUCCEEDED) {
            text.append(" Why: ").append(build.reason());
        }
        summary.setText(text.toString());
        showActions(build);
        List<String> lines = builds.log(user.actor(), app, number, linesShown);
        if (!lines.isEmpty()) {
            log.add(new Pre(String.join("\n", lines)));
            linesShown += lines.size();
        }
    }

    private void showActions(BuildView build) {
        actions.removeAll();
        if (appView == null || !appView.yourRole().includes(TeamRole.DEVELOPER)) {
            return;
        }
        if (!build.status().finished()) {
            Button cancel = new Button("Cancel build", VaadinIcon.STOP.create(), e -> {
                builds.cancel(user.actor(), app, number);
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        if (build.status() == BuildStatus.SUCCEEDED && build.image() != null) {
            for (EnvironmentView environment : environments.list()) {
                TeamRole needed = environment.protectedEnvironment() ? TeamRole.MAINTAINER : TeamRole.DEVELOPER;
                if (appView.yourRole().includes(needed)) {
                    // from the registry this environment's clusters pull from
                    String image;
                    try {
                        image = builds.imageFor(user.actor(), app, number, environment.name());
                    } catch (ConflictException notThere) {
                        actions.add(new Span(notThere.getMessage()));
                        continue;
                    }
                    actions.add(new Button("Deploy to " + environment.name(), VaadinIcon.UPLOAD.create(),
                            e -> new DeployDialog(deploys, user, app, environment, image, started -> {
                                Notifications.success("Deploying build #" + number + " to " + environment.name() + ".");
                                getUI().ifPresent(ui -> ui.navigate(AppEnvironmentPage.class,
                                        AppEnvironmentPage.parameters(app, environment.name())));
                            }).open()));
                }
            }
        }
    }
}
