package dev.slipway.ui.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.EnvironmentStatus;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.builds.BuildsView;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.webhooks.WebhookSection;
import dev.slipway.webhooks.WebhookService;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.rollouts.AppEnvironmentPage;
import dev.slipway.ui.security.CurrentUser;
import dev.slipway.ui.teams.TeamDetailView;
import jakarta.annotation.security.PermitAll;

/**
 * One app: where its code comes from, how it is probed, and where it lands in each environment. Someone
 * outside the app's team who types this address gets the "not found" page, because the service says so.
 */
@Route("apps/:name")
@PermitAll
public class AppDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AppService apps;
    private final DeployService deploys;
    private final PlatformSettingsService settings;
    private final CurrentUser user;
    private final WebhookService webhooks;
    private String title = "App · Slipway";

    AppDetailView(AppService apps, DeployService deploys, PlatformSettingsService settings, CurrentUser user,
                  WebhookService webhooks) {
        this.webhooks = webhooks;
        this.apps = apps;
        this.deploys = deploys;
        this.settings = settings;
        this.user = user;
    }

    public static RouteParameters parameters(String appName) {
        return new RouteParameters("name", appName);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        // Throws NotFoundException for apps the user may not see; the router shows NotFoundView.
        AppView app = apps.get(user.actor(), name);
        title = app.name() + " · Slipway";
        render(app);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(AppView app) {
        removeAll();
        add(header(app));
        if (!app.description().isBlank()) {
            add(new Paragraph(app.description()));
        }
        add(settingsSection(app), new H3("Environments"), environments(app));
        if (app.source() == AppSource.GIT) {
            add(new WebhookSection(webhooks, user, app.name()));
        }
    }

    private HorizontalLayout header(AppView app) {
        H2 name = new H2(app.name());
        RouterLink team = new RouterLink("Team " + app.team(), TeamDetailView.class, TeamDetailView.parameters(app.team()));
        HorizontalLayout titleRow = new HorizontalLayout(name, team, Badges.role(app.yourRole()));
        if (app.source() == AppSource.GIT) {
            titleRow.add(new RouterLink("Builds", BuildsView.class, BuildsView.parameters(app.name())));
        }
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> AppFormDialog.forExistingApp(apps, settings,
                user, app, this::render).open());
        edit.setVisible(app.yourRole().includes(TeamRole.DEVELOPER));
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(app));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(app.yourRole().includes(TeamRole.MAINTAINER));

        HorizontalLayout header = new HorizontalLayout(titleRow, new HorizontalLayout(edit, delete));
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        return header;
    }

    private Div settingsSection(AppView app) {
        Div facts = new Div();
        facts.addClassName("slipway-facts");
        if (app.source() == AppSource.GIT) {
            fact(facts, "Repository", app.repositoryUrl());
            fact(facts, "Branch", app.branch());
        } else {
            fact(facts, "Image", app.image());
        }
        fact(facts, "Port", Integer.toString(app.port()));
        fact(facts, "Liveness probe", app.livenessPath());
        fact(facts, "Readiness probe", app.readinessPath());
        fact(facts, "Created", Formats.minute(app.createdAt()));
        fact(facts, "Changed", Formats.minute(app.updatedAt()));
        return facts;
    }

    private static void fact(Div facts, String label, String value) {
        Span term = new Span(label);
        term.addClassName("slipway-fact-label");
        Span definition = new Span(value);
        definition.addClassName("slipway-fact-value");
        facts.add(term, definition);
    }

    private FlexLayout environments(AppView app) {
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("slipway-cards");
        for (EnvironmentStatus place : deploys.overview(user.actor(), app.name())) {
            Card card = new Card();
            card.setTitle(place.environment().name());
            card.setSubtitle(place.environment().description());
            HorizontalLayout badges = new HorizontalLayout();
            badges.setSpacing(false);
            badges.addClassName("slipway-badges");
            if (place.environment().protectedEnvironment()) {
                badges.add(Badges.protectedEnvironment());
            }
            if (place.environment().simulated()) {
                badges.add(Badges.simulated());
            }
            card.add(badges);
            card.add(new Paragraph("Cluster " + place.environment().cluster() + ", namespace " + place.namespace()));
            card.add(new Paragraph(place.running() == null ? "Nothing deployed yet."
                    : "Runs v" + place.running().release().number() + ": " + place.running().release().image()));
            if (place.rollout() != null && place.rollout().phase().active()) {
                card.add(new Paragraph("Rolling out v" + place.rollout().release() + ": "
                        + place.rollout().phase().name().toLowerCase().replace('_', ' ') + ", "
                        + place.live().ready() + " of " + place.live().desired() + " pods ready"));
            } else if (place.rollout() != null && place.rollout().reason() != null
                    && place.rollout().phase() != RolloutPhase.SUCCEEDED) {
                card.add(new Paragraph("Last rollout (v" + place.rollout().release() + "): "
                        + place.rollout().reason()));
            }
            card.addToFooter(new RouterLink("Open", AppEnvironmentPage.class,
                    AppEnvironmentPage.parameters(app.name(), place.environment().name())));
            cards.add(card);
        }
        return cards;
    }

    private void confirmDelete(AppView app) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete " + app.name() + "?");
        confirm.setText("The app and its settings are removed from Slipway. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            apps.delete(user.actor(), app.name());
            Notifications.success("Deleted " + app.name() + ".");
            getUI().ifPresent(ui -> ui.navigate(AppListView.class));
        });
        confirm.open();
    }
}
