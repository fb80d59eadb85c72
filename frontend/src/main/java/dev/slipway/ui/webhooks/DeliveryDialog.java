package dev.slipway.ui.webhooks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import dev.slipway.webhooks.DeliveryDetail;
import dev.slipway.webhooks.DeliveryView;
import dev.slipway.webhooks.Redelivery;
import dev.slipway.webhooks.WebhookService;

/**
 * One delivery as the provider sent it (headers, with signatures redacted by the backend, and the body,
 * pretty-printed) with its outcome, and Redeliver when the backend says this user may.
 */
class DeliveryDialog extends Dialog {

    private final WebhookService webhooks;
    private final CurrentUser user;
    private final String app;
    private final Runnable redelivered;

    DeliveryDialog(WebhookService webhooks, CurrentUser user, String app, long id, Runnable redelivered) {
        this.webhooks = webhooks;
        this.user = user;
        this.app = app;
        this.redelivered = redelivered;
        DeliveryDetail detail = webhooks.delivery(user.actor(), app, id);
        DeliveryView delivery = detail.delivery();
        setHeaderTitle("Delivery #" + delivery.id());
        setWidth("56em");
        add(facts(delivery), new H4("Request headers"), headers(detail), new H4("Body"), body(detail));
        if (detail.canRedeliver()) {
            Button redeliver = new Button("Redeliver", VaadinIcon.REFRESH.create(), e -> confirm(delivery));
            redeliver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(redeliver);
        } else if (detail.redeliverBlockedBecause() != null) {
            Span blocked = new Span(detail.redeliverBlockedBecause());
            blocked.addClassName("slipway-hint-left");
            getFooter().add(blocked);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private static Div facts(DeliveryView delivery) {
        Div facts = new Div();
        facts.addClassName("slipway-facts");
        fact(facts, "Received", new Span(Formats.second(delivery.receivedAt())));
        fact(facts, "Event", new Span(delivery.provider().path() + " " + delivery.event()));
        if (delivery.redeliveryOf() != null) {
            fact(facts, "Redelivery of", new Span("#" + delivery.redeliveryOf() + ", asked for by "
                    + delivery.redeliveredBy()));
        } else {
            fact(facts, "Delivery id", new Span(delivery.deliveryId() == null ? "none sent" : delivery.deliveryId()));
        }
        fact(facts, "Outcome", WebhookSection.outcome(delivery.outcome()));
        fact(facts, "What happened", new Span(delivery.reason()));
        if (delivery.ref() != null) {
            fact(facts, "Ref", new Span(delivery.ref()));
        }
        if (delivery.commit() != null) {
            fact(facts, "Commit", new Span(delivery.commit()));
        }
        if (delivery.repository() != null) {
            fact(facts, "Repository", new Span(delivery.repository()));
        }
        if (delivery.buildNumber() != null) {
            fact(facts, "Build", new Span("#" + delivery.buildNumber()));
        }
        return facts;
    }

    private static Component headers(DeliveryDetail detail) {
        if (detail.headers().isEmpty()) {
            return new Paragraph(String.valueOf(detail.requestMissingBecause()));
        }
        Div headers = new Div();
        headers.addClassName("slipway-facts");
        detail.headers().forEach(header -> fact(headers, header.name(), new Span(header.value())));
        return headers;
    }

    private static Component body(DeliveryDetail detail) {
        String shown = detail.document() != null ? detail.document() : detail.body();
        if (shown == null) {
            return new Paragraph(String.valueOf(detail.requestMissingBecause()));
        }
        Div body = new Div(new Pre(shown));
        body.addClassName("slipway-log");
        String size = detail.bodyBytes() == null ? "The body" : detail.bodyBytes() + " bytes";
        Paragraph note = new Paragraph(detail.document() == null ? size + " as received (not JSON)."
                : size + " as received; shown is the JSON document it carries (a form's payload field), indented.");
        note.addClassName("slipway-hint-left");
        Div shownBody = new Div(note, body);
        shownBody.setWidthFull();
        return shownBody;
    }

    private static void fact(Div facts, String label, Component value) {
        Span name = new Span(label);
        name.addClassName("slipway-fact-label");
        value.addClassName("slipway-fact-value");
        facts.add(name, value);
    }

    private void confirm(DeliveryView delivery) {
        ConfirmDialog confirm = new ConfirmDialog("Redeliver delivery #" + delivery.id() + "?", "Slipway processes the"
                + " stored request again as a new delivery, with the app's settings as they are now: a push to the"
                + " app's branch is built again.", "Redeliver", e -> redeliver(delivery));
        confirm.setCancelable(true);
        confirm.open();
    }

    private void redeliver(DeliveryView delivery) {
        Redelivery done = webhooks.redeliver(user.actor(), app, delivery.id());
        Notifications.success("Redelivered #" + delivery.id() + " as #" + done.delivery().id() + ": " + done.message());
        close();
        redelivered.run();
    }
}
