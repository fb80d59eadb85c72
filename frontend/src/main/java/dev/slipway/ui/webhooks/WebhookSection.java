package dev.slipway.ui.webhooks;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.security.CurrentUser;
import dev.slipway.webhooks.DeliveryOutcome;
import dev.slipway.webhooks.DeliveryView;
import dev.slipway.webhooks.WebhookInfo;
import dev.slipway.webhooks.WebhookService;

/**
 * Where to point GitHub, GitLab or Gitea, the secret (generated here, shown once), and the recent
 * deliveries with what became of each, so a misconfigured hook is visible instead of silent; each opens
 * with its request and can be redelivered from there.
 */
public class WebhookSection extends VerticalLayout {

    private final WebhookService webhooks;
    private final CurrentUser user;
    private final String app;
    private final Div urls = new Div();
    private final Paragraph secretState = new Paragraph();
    private final Button rotate = new Button();
    private final Grid<DeliveryView> deliveries = new Grid<>();

    public WebhookSection(WebhookService webhooks, CurrentUser user, String app) {
        this.webhooks = webhooks;
        this.user = user;
        this.app = app;
        setPadding(false);
        urls.addClassName("slipway-facts");
        rotate.setIcon(VaadinIcon.KEY.create());
        rotate.addClickListener(e -> confirmRotate());
        deliveries.addColumn(d -> Formats.second(d.receivedAt())).setHeader("Received").setAutoWidth(true).setFlexGrow(0);
        deliveries.addColumn(d -> d.provider().path() + " " + d.event()
                        + (d.redeliveryOf() == null ? "" : " (redelivery of #" + d.redeliveryOf() + ")"))
                .setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        deliveries.addComponentColumn(d -> outcome(d.outcome())).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        deliveries.addColumn(d -> d.reason() + (d.commit() == null ? "" : " (" + d.commit().substring(0, 7) + ")"))
                .setHeader("What happened").setFlexGrow(1);
        deliveries.addComponentColumn(d -> {
            Button details = new Button("Details", e -> new DeliveryDialog(webhooks, user, app, d.id(), this::refresh)
                    .open());
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            details.getElement().setAttribute("aria-label", "Details of delivery #" + d.id());
            return details;
        }).setKey("details").setAutoWidth(true).setFlexGrow(0);
        deliveries.setId("webhook-deliveries");
        deliveries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        deliveries.setAllRowsVisible(true);
        deliveries.setEmptyStateText("No deliveries yet. Push to the repository, or use the provider's \"test\" or"
                + " \"redeliver\" button.");
        add(new H3("Webhook"), new Paragraph("Pushes to the app's branch start a build. In the repository's settings"
                + " add a webhook with one of these URLs, the push event (other events are recorded and ignored) and"
                + " the secret below; GitHub and Gitea may send JSON or a form. Open a delivery to see what was sent"
                + " and to redeliver it."), urls, secretState, rotate, deliveries);
        refresh();
    }

    private void refresh() {
        WebhookInfo info = webhooks.info(user.actor(), app);
        urls.removeAll();
        String base = baseUrl();
        info.paths().forEach((provider, path) -> {
            Span label = new Span(provider);
            label.addClassName("slipway-fact-label");
            Span url = new Span(base + path);
            url.addClassName("slipway-fact-value");
            urls.add(label, url);
        });
        secretState.setText(info.hasSecret() ? "A secret is set (by " + info.secretSetBy() + ", "
                + Formats.minute(info.secretSetAt()) + "). It is not shown again; rotate it to get a new one."
                : "No secret yet: deliveries are refused until a maintainer generates one.");
        rotate.setText(info.hasSecret() ? "Rotate secret" : "Generate secret");
        rotate.setVisible(info.canChange());
        deliveries.setItems(info.deliveries());
    }

    private void confirmRotate() {
        if (webhooks.info(user.actor(), app).hasSecret()) {
            ConfirmDialog confirm = new ConfirmDialog("Rotate the webhook secret?", "The current secret stops working at"
                    + " once: deliveries are refused until the new one is set in the provider.", "Rotate",
                    e -> generate());
            confirm.setCancelable(true);
            confirm.open();
        } else {
            generate();
        }
    }

    private void generate() {
        String secret = webhooks.rotateSecret(user.actor(), app);
        Dialog shown = new Dialog();
        shown.setHeaderTitle("Webhook secret of " + app);
        TextField field = new TextField("Secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        shown.add(new Paragraph("Copy it into the provider's hook now: Slipway shows it only this once."), field);
        shown.getFooter().add(new Button("Done", e -> shown.close()));
        shown.setWidth("36em");
        shown.open();
        refresh();
    }

    static Badge outcome(DeliveryOutcome outcome) {
        String text = outcome.name().charAt(0) + outcome.name().substring(1).toLowerCase().replace('_', ' ');
        Badge badge = switch (outcome) {
            case BUILD_QUEUED, PING -> Badges.of(text, BadgeVariant.SUCCESS);
            case REFUSED, NOT_BUILT -> Badges.of(text, BadgeVariant.ERROR);
            case BUILD_PENDING, SUPERSEDED, DUPLICATE, IGNORED, NO_MATCHING_APP -> Badges.of(text, BadgeVariant.CONTRAST);
        };
        badge.getElement().setAttribute("data-outcome", outcome.name());
        return badge;
    }

    /** Slipway's address as the browser reached it, so the URLs can be copied as they are. */
    private static String baseUrl() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String scheme = String.valueOf(request.getHeader("X-Forwarded-Proto") != null
                ? request.getHeader("X-Forwarded-Proto") : request.isSecure() ? "https" : "http");
        String host = request.getHeader("Host");
        return host == null ? "" : scheme + "://" + host;
    }
}
