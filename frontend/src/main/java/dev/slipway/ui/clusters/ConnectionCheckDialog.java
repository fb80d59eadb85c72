package dev.slipway.ui.clusters;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.kubernetes.ConnectionCheck;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.shared.Text;
import dev.slipway.ui.security.CurrentUser;
import java.util.Optional;

/**
 * Asks a cluster whether Slipway can reach it and may deploy into a namespace, with the stored settings,
 * and shows the answer in words. Every failure comes back as a message, never as an error page.
 */
class ConnectionCheckDialog extends Dialog {

    /** Kubernetes' limit for namespace names. */
    private static final int MAX_NAMESPACE_LENGTH = 63;

    private final TextField namespace = new TextField("Namespace");
    private final Paragraph reachable = new Paragraph();
    private final Paragraph version = new Paragraph();
    private final Paragraph permission = new Paragraph();
    private final Paragraph message = new Paragraph();

    ConnectionCheckDialog(KubernetesClients clients, CurrentUser user, String cluster) {
        setHeaderTitle("Check connection to " + cluster);
        setWidth("34em");
        namespace.setValue("default");
        namespace.setRequired(true);
        namespace.setHelperText("Slipway asks whether it may create Deployments here");
        namespace.setValueChangeMode(ValueChangeMode.LAZY);
        namespace.addValueChangeListener(e -> namespaceIsValid());
        Button check = new Button("Check", e -> {
            try {
                if (namespaceIsValid()) {
                    show(clients.check(user.actor(), cluster, namespace.getValue().strip()));
                }
            } finally {
                e.getSource().setEnabled(true);
            }
        });
        // A real cluster may take up to the check's timeout to answer; one check at a time is enough.
        check.setDisableOnClick(true);
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(namespace, reachable, version, permission, message);
        getFooter().add(new Button("Close", e -> close()), check);
    }

    /**
     * A blank namespace would make the API server answer for the whole cluster instead, so the field
     * asks for a name Kubernetes accepts before the cluster is asked.
     */
    private boolean namespaceIsValid() {
        Optional<String> problem = Text.dnsLabel(namespace.getValue().strip(), MAX_NAMESPACE_LENGTH, "default");
        namespace.setInvalid(problem.isPresent());
        problem.ifPresent(p -> namespace.setErrorMessage(Character.toUpperCase(p.charAt(0)) + p.substring(1)));
        return problem.isEmpty();
    }

    private void show(ConnectionCheck result) {
        reachable.setText(result.reachable() ? "Reachable." : "Not reachable.");
        version.setText(result.serverVersion() == null ? "" : "Server version: " + result.serverVersion());
        permission.setText(permission(result));
        message.setText(result.message());
    }

    private static String permission(ConnectionCheck result) {
        if (result.canCreateDeployments() == null) {
            return "Could not tell whether Slipway may create Deployments in " + result.namespace() + ".";
        }
        return result.canCreateDeployments()
                ? "Slipway may create Deployments in " + result.namespace() + "."
                : "Slipway may not create Deployments in " + result.namespace() + ".";
    }
}
