package dev.slipway.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.security.CreatedApiToken;

/**
 * Shows a new token's secret, the only time it can be seen. Neither a stray click beside the dialog nor Esc
 * closes it, because the secret would be lost with it; only Done does.
 */
class TokenSecretDialog extends Dialog {

    private static final String ME_PATH = "api/v1/me";

    TokenSecretDialog(CreatedApiToken created) {
        setHeaderTitle("Token " + created.token().name() + " created");
        setWidth("40em");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);

        TextField secret = new TextField("Your token");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setAutoselect(true);
        secret.setWidthFull();
        Paragraph warning = new Paragraph("Copy it now: Slipway keeps only a hash and cannot show it again.");
        Pre example = new Pre(curl(created.secret(), "/" + ME_PATH));
        // The page's base URL is Slipway's root as the browser reaches it, proxies and path prefixes included.
        example.getElement().executeJs("return document.baseURI")
                .then(String.class, base -> example.setText(curl(created.secret(), base + ME_PATH)));
        add(secret, warning, new Paragraph("Check that it works:"), example);

        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static String curl(String secret, String url) {
        return "curl -H \"Authorization: Bearer " + secret + "\" " + url;
    }
}
