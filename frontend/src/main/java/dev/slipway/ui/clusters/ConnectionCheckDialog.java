package dev.slipway.ui.clusters;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.kubernetes.ConnectionCheck;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.ui.security.CurrentUser;

/**
 * Asks a cluster whether Slipway can reach it and may deploy into a namespace, with the stored settings,
 * and shows the answer in words. Every failure comes back as a message, never as an error page.
 */
class ConnectionCheckDialog extends Dialog {

    private final TextField namespace = new TextField("Namespace");
    private final Paragraph reachable = new Paragraph();
    private final Paragraph version = new Paragraph();
    private final Paragraph permission = new Paragraph();
    private final Paragraph message = new Paragraph();

    ConnectionCheckDialog(KubernetesClients clients, CurrentUser user, String cluster) {
        setHeaderTitle("Check connection to " + cluster);
        setWidth("34em");
        namespace.setValue("default");
        namespace.setHelperText("Slipway asks whether it may create Deployments here");
        Button check = new Button("Check", e -> show(clients.check(user.actor(), cluster, namespace.getValue().strip())));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(namespace, reachable, version, permission, message);
        getFooter().add(new Button("Close", e -> close()), check);
    }

    private void show(ConnectionCheck result) {
        reachable.setText(result.reachable() ? "Reachable." : "Not reachable.");
        version.setText(result.serverVersion() == null ? "" : "Server version: " + result.serverVersion());
        permission.setText(result.canCreateDeployments() == null ? "Could not tell whether Slipway may deploy to "
                + result.namespace() + "." : result.canCreateDeployments()
                ? "Slipway may create Deployments in " + result.namespace() + "."
                : "Slipway may not create Deployments in " + result.namespace() + ".");
        message.setText(result.message());
    }
}
