package dev.slipway.ui.encryption;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.encryption.Envelopes;
import dev.slipway.encryption.KeyStatus;
import dev.slipway.encryption.RewrapOutcome;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * Master key rotation, the admin's half: after an operator sets a new SLIPWAY_MASTER_KEY and moves the old
 * one to SLIPWAY_PREVIOUS_MASTER_KEYS, this page rewraps every stored value with the new key, after which
 * the old key can be dropped.
 */
@Route("admin/encryption")
@PageTitle("Encryption · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class EncryptionView extends VerticalLayout {

    private final Envelopes envelopes;
    private final CurrentUser user;
    private final Paragraph summary = new Paragraph();
    private final Grid<Map.Entry<String, Long>> keys = new Grid<>();
    private final Button rewrap = new Button("Rewrap with the current key", e -> rewrap());

    EncryptionView(Envelopes envelopes, CurrentUser user) {
        this.envelopes = envelopes;
        this.user = user;
        keys.addColumn(Map.Entry::getKey).setHeader("Master key id");
        keys.addColumn(Map.Entry::getValue).setHeader("Values it wraps");
        keys.setAllRowsVisible(true);
        Paragraph how = new Paragraph("To rotate the master key: set the new key as SLIPWAY_MASTER_KEY (or"
                + " SLIPWAY_MASTER_KEY_FILE), put the old one in SLIPWAY_PREVIOUS_MASTER_KEYS, restart Slipway, then"
                + " rewrap here. Only the data keys are rewrapped; the values stay as they are. Afterwards"
                + " SLIPWAY_PREVIOUS_MASTER_KEYS can be removed.");
        how.setMaxWidth("48em");
        rewrap.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Encryption"), how, summary, keys, rewrap);
        show(envelopes.keyStatus(user.actor()));
    }

    private void show(KeyStatus status) {
        summary.setText("Current master key: " + status.currentKeyId() + ". "
                + (status.awaitingRewrap() == 0 ? "Every stored value is wrapped by it."
                : status.awaitingRewrap() + " values are still wrapped by an earlier key."));
        keys.setItems(List.copyOf(status.valuesByKeyId().entrySet()));
        rewrap.setEnabled(status.awaitingRewrap() > 0);
    }

    private void rewrap() {
        RewrapOutcome outcome = envelopes.rewrap(user.actor());
        if (outcome.unreadable().isEmpty()) {
            Notifications.success("Rewrapped " + outcome.rewrapped() + " values with the current master key.");
        } else {
            Notifications.error("Rewrapped " + outcome.rewrapped() + " values. " + outcome.unreadable().size()
                    + " failed authentication, so they were altered in the database and were left as they are: "
                    + outcome.unreadable() + ". Re-enter those secrets or credentials, then rewrap again.");
        }
        show(envelopes.keyStatus(user.actor()));
    }
}
