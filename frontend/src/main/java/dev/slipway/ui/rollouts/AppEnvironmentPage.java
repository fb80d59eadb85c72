package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppView;
import dev.slipway.config.ConfigService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.metrics.MetricsService;
import dev.slipway.promotions.PromotionService;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.EnvironmentStatus;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.rollouts.RolloutUpdates;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.apps.AppDetailView;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.config.ConfigSection;
import dev.slipway.ui.promotions.PendingPromotions;
import dev.slipway.ui.promotions.PromoteDialog;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An app in one environment: what runs, the rollout in flight with its pods and timeline, its metrics,
 * the release history. The page follows the rollout live: the server pushes every change, no reload needed.
 */
@Route("apps/:app/environments/:environment")
@PermitAll
public class AppEnvironmentPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DeployService deploys;
    private final AppService apps;
    private final RolloutUpdates updates;
    private final CurrentUser user;
    private final ConfigService configs;
    private final PromotionService promotions;
    private final EnvironmentService environments;
    private final Paragraph running = new Paragraph();
    private final Paragraph settings = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final LiveStatusPanel live = new LiveStatusPanel();
    private final CanaryPanel canary = new CanaryPanel();
    private final BlueGreenPanel blueGreen = new BlueGreenPanel();
    private final TimelineGrid timeline = new TimelineGrid();
    private final ReleaseHistoryGrid history = new ReleaseHistoryGrid();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** What the action buttons were last built for. */
    private String actionsOffered = "";
    private String app = "";
    private String environment = "";
    private @Nullable AppView appView;
    private RolloutUpdates.@Nullable Subscription subscription;

    private @Nullable ConfigSection config;
    private @Nullable MetricsSection metricsSection;
    private @Nullable PendingPromotions pending;

    private final MetricsService metrics;
    private final Clock clock;

    AppEnvironmentPage(DeployService deploys, AppService apps, RolloutUpdates updates, CurrentUser user,
                       ConfigService configs, PromotionService promotions, EnvironmentService environments,
                       MetricsService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.configs = configs;
        this.promotions = promotions;
        this.environments = environments;
        this.deploys = deploys;
        this.apps = apps;
        this.updates = updates;
        this.user = user;
    }

    public static RouteParameters parameters(String app, String environment) {
        return new RouteParameters(new RouteParam("app", app), new RouteParam("environment", environment));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        app = event.getRouteParameters().get("app").orElse("");
        environment = event.getRouteParameters().get("environment").orElse("");
        // Both throw NotFoundException for what the user may not see; the router shows NotFoundView.
        appView = apps.get(user.actor(), app);
        EnvironmentStatus status = deploys.status(user.actor(), app, environment);
        build(status);
    }

    @Override
    public String getPageTitle() {
        return app + " in " + environment + " · Slipway";
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        subscription = updates.subscribe(app, environment, () -> {
            // A burst of pod changes becomes one refresh: only the first change queues one.
            if (refreshPending.compareAndSet(false, true)) {
                ui.access(() -> {
                    refreshPending.set(false);
                    refresh();
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private void build(EnvironmentStatus status) {
        removeAll();
        H2 title = new H2(app + " in " + environment);
        HorizontalLayout heading = new HorizontalLayout(title,
                new RouterLink("Back to " + app, AppDetailView.class, AppDetailView.parameters(app)));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (status.environment().simulated()) {
            heading.add(Badges.simulated());
        }
        if (status.environment().protectedEnvironment()) {
            heading.add(Badges.protectedEnvironment());
        }
        Paragraph where = new Paragraph("Cluster " + status.environment().cluster() + ", namespace "
                + status.namespace());
        settings.addClassName("slipway-hint-left");
        pending = new PendingPromotions(promotions, user, app, environment, this::refresh);
        config = new ConfigSection(configs, user, app, environment, () -> { });
        metricsSection = new MetricsSection(metrics, user, app, environment, clock);
        add(heading, where, running, settings, pending, actions, live, canary, blueGreen, metricsSection,
                new H3("Timeline"), timeline, config,
                new H3("Releases"), history);
        show(status);
    }

    private void refresh() {
        show(deploys.status(user.actor(), app, environment));
    }

    private void show(EnvironmentStatus status) {
        running.setText(status.running() == null ? "No release runs here yet."
                : "Runs v" + status.running().release().number() + " (" + status.running().release().image()
                + ") since " + Formats.minute(status.running().since()) + ", deployed by "
                + status.running().release().createdBy() + ".");
        settings.setText("Settings: " + DeploySettingsDialog.summary(apps.deploySettings(user.actor(), app, environment)));
        if (pending != null) {
            pending.refresh();
        }
        boolean mayAct = mayAct(status);
        showActions(status, mayAct);
        live.show(status);
        RolloutView rollout = status.rollout();
        if (rollout == null) {
            canary.setVisible(false);
            blueGreen.setVisible(false);
        } else {
            canary.show(rollout);
            blueGreen.show(rollout);
        }
        timeline.show(rollout == null ? List.of() : rollout.events());
        if (metricsSection != null) {
            metricsSection.following(rollout != null && rollout.phase().active());
            metricsSection.refreshIfStale();
        }
        history.show(deploys.history(user.actor(), app, environment), mayAct, this::rollBack);
    }

    private boolean mayAct(EnvironmentStatus status) {
        TeamRole needed = status.environment().protectedEnvironment() ? TeamRole.MAINTAINER : TeamRole.DEVELOPER;
        return appView != null && appView.yourRole().includes(needed);
    }

    private void showActions(EnvironmentStatus status, boolean mayAct) {
        RolloutView rollout = status.rollout();
        // Pod events refresh the page many times a second during a rollout; rebuilding the buttons each time
        // would swap them under the user's pointer and swallow clicks, so they change only with what they offer.
        String offered = mayAct + "|" + (rollout == null ? "" : rollout.id() + rollout.phase().name() + rollout.held()
                + (rollout.canary() != null && rollout.canary().takingOver())
                + (rollout.blueGreen() == null ? "" : rollout.blueGreen().stage() + rollout.blueGreen().switched()))
                + "|" + (status.running() == null ? ""
                : status.running().release().number()) + "|" + status.live().deployed();
        if (offered.equals(actionsOffered)) {
            return;
        }
        actionsOffered = offered;
        actions.removeAll();
        if (!mayAct) {
            return;
        }
        RolloutPhase phase = rollout == null ? null : rollout.phase();
        String suggested = status.running() != null ? status.running().release().image()
                : appView != null && appView.image() != null ? appView.image() : "";
        Button deploy = new Button("Deploy", VaadinIcon.UPLOAD.create(), e -> new DeployDialog(deploys, user, app,
                status.environment(), suggested, started -> refresh()).open());
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button configure = new Button("Settings", VaadinIcon.COG.create(),
                e -> new DeploySettingsDialog(apps, user, app, environment, this::refresh).open());
        actions.add(deploy, configure);
        nextEnvironment().filter(next -> status.running() != null).ifPresent(next -> {
            Button promote = new Button("Promote to " + next.name(), VaadinIcon.ARROW_FORWARD.create(),
                    e -> new PromoteDialog(promotions, user, app, environment, next, this::refresh).open());
            actions.add(promote);
        });
        if (phase == RolloutPhase.PROGRESSING) {
            actions.add(new Button("Pause", VaadinIcon.PAUSE.create(), e -> {
                deploys.pause(user.actor(), app, environment);
                refresh();
            }));
        }
        if (phase == RolloutPhase.PAUSED && !rollout.held()) {
            actions.add(new Button("Resume", VaadinIcon.PLAY.create(), e -> {
                deploys.resume(user.actor(), app, environment);
                refresh();
            }));
        }
        boolean canaryInFlight = (phase == RolloutPhase.PROGRESSING || phase == RolloutPhase.PAUSED)
                && rollout.canary() != null && !rollout.canary().takingOver();
        if (canaryInFlight) {
            Button promote = new Button("Promote", VaadinIcon.STEP_FORWARD.create(), e -> {
                deploys.promote(user.actor(), app, environment);
                Notifications.success("Promoted: the canary goes on with its next step.");
                refresh();
            });
            promote.setTooltipText("End this step now and go on with the next one");
            Button full = new Button("Promote fully", VaadinIcon.FAST_FORWARD.create(), e -> {
                deploys.promoteFull(user.actor(), app, environment);
                Notifications.success("Promoted fully: v" + rollout.release() + " takes all traffic without more steps.");
                refresh();
            });
            full.setTooltipText("Skip the remaining steps and analyses");
            actions.add(promote, full);
        }
        boolean blueGreenBeforeSwitch = (phase == RolloutPhase.PROGRESSING || phase == RolloutPhase.PAUSED)
                && rollout.blueGreen() != null && (!rollout.blueGreen().switched()
                || rollout.held() && rollout.blueGreen().stage().equals("POST_ANALYSIS"));
        if (blueGreenBeforeSwitch) {
            Button promote = new Button("Promote", VaadinIcon.STEP_FORWARD.create(), e -> {
                deploys.promote(user.actor(), app, environment);
                Notifications.success("Promoted v" + rollout.release() + ".");
                refresh();
            });
            promote.setTooltipText("Switch the app's traffic to the new slot");
            actions.add(promote);
        }
        if (phase == RolloutPhase.ABORTED || phase == RolloutPhase.ROLLED_BACK) {
            Button retry = new Button("Retry v" + rollout.release(), VaadinIcon.ROTATE_LEFT.create(), e -> {
                RolloutView again = deploys.retry(user.actor(), app, environment);
                Notifications.success("Rolling v" + again.release() + " out again from its first step.");
                refresh();
            });
            retry.setTooltipText("Roll the same release out again from the first step");
            actions.add(retry);
        }
        if (phase == RolloutPhase.PROGRESSING || phase == RolloutPhase.PAUSED) {
            Button abort = new Button("Abort", VaadinIcon.STOP.create(), e -> confirmAbort());
            abort.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(abort);
        }
        if (status.live().deployed() && (phase == null || !phase.active())) {
            Button remove = new Button("Remove from " + environment, VaadinIcon.TRASH.create(), e -> confirmRemove());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(remove);
        }
    }

    /** The environment after this one in promotion order, if there is one. */
    private Optional<EnvironmentView> nextEnvironment() {
        List<EnvironmentView> all = environments.list();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).name().equals(environment)) {
                return Optional.of(all.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private void rollBack(int release) {
        RolloutView started = deploys.rollback(user.actor(), app, environment, release);
        Notifications.success("Rolling back: v" + started.release() + " brings back v" + release + ".");
        refresh();
    }

    private void confirmAbort() {
        ConfirmDialog dialog = new ConfirmDialog("Abort the rollout?",
                "Slipway puts the stable release back at once.", "Abort", e -> {
                    deploys.abort(user.actor(), app, environment);
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void confirmRemove() {
        ConfirmDialog dialog = new ConfirmDialog("Remove " + app + " from " + environment + "?",
                "Its Deployment, Service and autoscaler are deleted from the cluster. The release history stays.",
                "Remove", e -> {
                    deploys.remove(user.actor(), app, environment);
                    Notifications.success("Removed " + app + " from " + environment + ".");
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
