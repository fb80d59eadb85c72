package dev.slipway.ui.clusters;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterRules;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.clusters.ClusterView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Registers a cluster or changes one. Only the fields of the chosen kind and authentication are shown.
 * Credentials are write-only: when editing, the token or kubeconfig field starts empty and stays empty to
 * keep what is stored, because the stored value is never sent back to the browser.
 */
class ClusterFormDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<ClusterKind> kind = new RadioButtonGroup<>("Kind");
    private final HorizontalLayout sandboxNote = new HorizontalLayout(Badges.simulated(),
            new Paragraph("The sandbox lives inside Slipway and only pretends to run pods."));
    private final RadioButtonGroup<ClusterAuth> auth = new RadioButtonGroup<>("Authentication");
    private final TextField apiUrl = new TextField("API URL");
    private final PasswordField token = new PasswordField("Token");
    private final TextArea kubeconfig = new TextArea("Kubeconfig");
    private final TextArea caCertificate = new TextArea("CA certificate");
    private final Checkbox skipTlsVerify = new Checkbox("Skip TLS verification");
    private final TextArea description = new TextArea("Description");
    private final Binder<Model> binder = new Binder<>();
    /** The cluster being edited, or null when registering a new one. */
    private final @Nullable ClusterView existing;

    /** What the form edits; Binder needs a mutable bean. Token and kubeconfig are kept apart while typing. */
    static final class Model {
        String name = "";
        ClusterKind kind = ClusterKind.KUBERNETES;
        ClusterAuth auth = ClusterAuth.TOKEN;
        String apiUrl = "";
        String token = "";
        String kubeconfig = "";
        String caCertificate = "";
        boolean skipTlsVerify;
        String description = "";
    }

    private ClusterFormDialog(@Nullable ClusterView existing, Model model) {
        this.existing = existing;
        setHeaderTitle(existing == null ? "Register cluster" : "Edit cluster " + existing.name());
        setWidth("40em");
        configureFields();
        bind();
        binder.setBean(model);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name, kind, sandboxNote, auth, apiUrl, token, kubeconfig, caCertificate, skipTlsVerify, description);
        add(form);
        showApplicableFields();
    }

    static ClusterFormDialog forNewCluster(ClusterService clusters, CurrentUser user, Runnable onSaved) {
        ClusterFormDialog dialog = new ClusterFormDialog(null, new Model());
        dialog.addButtons("Register", spec -> {
            ClusterView registered = clusters.register(user.actor(), spec);
            Notifications.success("Registered cluster " + registered.name() + ".");
            onSaved.run();
        });
        return dialog;
    }

    static ClusterFormDialog forExistingCluster(ClusterService clusters, CurrentUser user, ClusterView cluster,
                                                Runnable onSaved) {
        Model model = new Model();
        model.name = cluster.name();
        model.kind = cluster.kind();
        // A sandbox has auth NONE, which is not a choice in the form; the form ignores auth for it anyway.
        model.auth = cluster.auth() == ClusterAuth.NONE ? ClusterAuth.TOKEN : cluster.auth();
        model.apiUrl = Optional.ofNullable(cluster.apiUrl()).orElse("");
        model.caCertificate = Optional.ofNullable(cluster.caCertificate()).orElse("");
        model.skipTlsVerify = cluster.skipTlsVerify();
        model.description = cluster.description();
        ClusterFormDialog dialog = new ClusterFormDialog(cluster, model);
        dialog.addButtons("Save", spec -> {
            ClusterView saved = clusters.update(user.actor(), cluster.name(), spec);
            Notifications.success("Saved cluster " + saved.name() + ".");
            onSaved.run();
        });
        return dialog;
    }

    /** How an authentication method reads on screen. */
    static String label(ClusterAuth method) {
        return switch (method) {
            case NONE -> "None";
            case TOKEN -> "Token";
            case KUBECONFIG -> "Kubeconfig";
            case IN_CLUSTER -> "In-cluster";
        };
    }

    private void configureFields() {
        boolean creating = existing == null;
        name.setRequired(true);
        name.setMaxLength(ClusterRules.MAX_NAME_LENGTH);
        name.setHelperText(creating ? "Lowercase letters, digits and '-'; fixed once registered" : "");
        name.setReadOnly(!creating);
        kind.setItems(ClusterKind.SANDBOX, ClusterKind.KUBERNETES);
        kind.setItemLabelGenerator(k -> k == ClusterKind.SANDBOX ? "Sandbox" : "Kubernetes");
        kind.setReadOnly(!creating);
        kind.addValueChangeListener(e -> showApplicableFields());
        auth.setItems(ClusterAuth.TOKEN, ClusterAuth.KUBECONFIG, ClusterAuth.IN_CLUSTER);
        auth.setItemLabelGenerator(ClusterFormDialog::label);
        auth.addValueChangeListener(e -> showApplicableFields());
        apiUrl.setPlaceholder("https://203.0.113.10:6443");
        caCertificate.setPlaceholder("-----BEGIN CERTIFICATE-----");
        caCertificate.setHelperText("Optional: only needed when no public authority signs the API server's certificate");
        skipTlsVerify.setHelperText("Accepts any server certificate, so whoever sits between Slipway and the cluster"
                + " can read the credentials. Only for throw-away test clusters.");
        // Keeps the browser from filling in the admin's own saved Slipway password as the cluster token.
        token.setAutocomplete(Autocomplete.NEW_PASSWORD);
        kubeconfig.setMaxHeight("14em");
        description.setMaxLength(500);
        for (TextField field : List.of(name, apiUrl)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
    }

    private void bind() {
        binder.forField(name).withValidator(Forms.rule(ClusterRules::nameProblem)).bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(kind).asRequired("Choose the kind of cluster").bind(m -> m.kind, (m, v) -> m.kind = v);
        binder.forField(auth).asRequired("Choose how Slipway logs in to the cluster")
                .bind(m -> m.auth, (m, v) -> m.auth = v);
        binder.forField(apiUrl).withValidator(onlyWhen(a -> a == ClusterAuth.TOKEN, ClusterRules::apiUrlProblem))
                .bind(m -> m.apiUrl, (m, v) -> m.apiUrl = v);
        binder.forField(token).withValidator(credentialRule(ClusterAuth.TOKEN, ClusterRules::tokenProblem))
                .bind(m -> m.token, (m, v) -> m.token = v);
        binder.forField(kubeconfig).withValidator(credentialRule(ClusterAuth.KUBECONFIG, ClusterRules::kubeconfigProblem))
                .bind(m -> m.kubeconfig, (m, v) -> m.kubeconfig = v);
        binder.forField(caCertificate)
                .withValidator(onlyWhen(ClusterFormDialog::takesTlsSettings, pem -> pem.isBlank()
                        ? Optional.empty() : ClusterRules.caCertificateProblem(pem)))
                .bind(m -> m.caCertificate, (m, v) -> m.caCertificate = v);
        binder.forField(skipTlsVerify).bind(m -> m.skipTlsVerify, (m, v) -> m.skipTlsVerify = v);
        binder.forField(description).bind(m -> m.description, (m, v) -> m.description = v);
    }

    /** A Kubernetes field is checked only while the authentication it belongs to is chosen. */
    private Validator<String> onlyWhen(Predicate<ClusterAuth> applies, Function<String, Optional<String>> rule) {
        Validator<String> check = Forms.rule(rule);
        return (value, context) -> kubernetes() && auth.getValue() != null && applies.test(auth.getValue())
                ? check.apply(value, context) : ValidationResult.ok();
    }

    /** Like {@link #onlyWhen}, but an empty credential is fine when the stored one can be kept. */
    private Validator<String> credentialRule(ClusterAuth wanted, Function<String, Optional<String>> rule) {
        Validator<String> check = onlyWhen(a -> a == wanted, rule);
        return (value, context) -> value.isBlank() && mayKeepCredentials() ? ValidationResult.ok()
                : check.apply(value, context);
    }

    /**
     * Stored credentials can be kept only for the method they were given for: a token kept as a kubeconfig
     * (or the reverse) would be unusable, so switching methods needs new credentials.
     */
    private boolean mayKeepCredentials() {
        return existing != null && existing.credentialsSet() && existing.auth() == auth.getValue();
    }

    private static boolean takesTlsSettings(ClusterAuth method) {
        return method == ClusterAuth.TOKEN || method == ClusterAuth.KUBECONFIG;
    }

    private boolean kubernetes() {
        return kind.getValue() == ClusterKind.KUBERNETES;
    }

    private void showApplicableFields() {
        boolean kubernetes = kubernetes();
        @Nullable ClusterAuth method = kubernetes ? auth.getValue() : null;
        sandboxNote.setVisible(kind.getValue() == ClusterKind.SANDBOX);
        auth.setVisible(kubernetes);
        apiUrl.setVisible(method == ClusterAuth.TOKEN);
        token.setVisible(method == ClusterAuth.TOKEN);
        kubeconfig.setVisible(method == ClusterAuth.KUBECONFIG);
        boolean tls = method != null && takesTlsSettings(method);
        caCertificate.setVisible(tls);
        skipTlsVerify.setVisible(tls);
        String credentialsHelp = credentialsHelp();
        token.setHelperText(credentialsHelp.isEmpty() ? "A ServiceAccount token that may manage the namespaces"
                + " Slipway deploys to" : credentialsHelp);
        kubeconfig.setHelperText(credentialsHelp.isEmpty() ? "Its current context names the server and the user"
                : credentialsHelp);
        auth.setHelperText(method == ClusterAuth.IN_CLUSTER
                ? "Slipway uses its own ServiceAccount: choose this only when Slipway runs inside this cluster" : "");
    }

    private String credentialsHelp() {
        if (mayKeepCredentials() && existing != null) {
            return "Leave empty to keep the stored credentials (set " + Formats.minute(existing.credentialsUpdatedAt()) + ")";
        }
        if (existing != null && existing.credentialsSet()) {
            return "Required: the stored credentials are for " + label(existing.auth()).toLowerCase(Locale.ROOT)
                    + " authentication";
        }
        return "";
    }

    /** The spec to send: fields that do not apply to the chosen kind and authentication are left out. */
    private ClusterSpec spec() {
        Model m = binder.getBean();
        if (m.kind == ClusterKind.SANDBOX) {
            return new ClusterSpec(m.name, ClusterKind.SANDBOX, m.description, ClusterAuth.NONE, null, null, false, null);
        }
        boolean tls = takesTlsSettings(m.auth);
        String credentials = switch (m.auth) {
            case TOKEN -> m.token;
            case KUBECONFIG -> m.kubeconfig;
            case NONE, IN_CLUSTER -> "";
        };
        return new ClusterSpec(m.name, ClusterKind.KUBERNETES, m.description, m.auth,
                m.auth == ClusterAuth.TOKEN ? m.apiUrl : null,
                tls && !m.caCertificate.isBlank() ? m.caCertificate : null,
                tls && m.skipTlsVerify,
                // Empty means "keep the stored credentials" to the service.
                credentials.isBlank() ? null : credentials);
    }

    private void addButtons(String saveText, Consumer<ClusterSpec> save) {
        Button saveButton = new Button(saveText, e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                save.accept(spec());
                close();
            } catch (InvalidInputException problem) {
                Forms.show(problem, fieldsByName());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }

    private Map<String, HasValidation> fieldsByName() {
        HasValidation credentials = auth.getValue() == ClusterAuth.KUBECONFIG ? kubeconfig : token;
        return Map.of("name", name, "kind", kind, "auth", auth, "apiUrl", apiUrl, "caCertificate", caCertificate,
                "credentials", credentials, "description", description);
    }
}
