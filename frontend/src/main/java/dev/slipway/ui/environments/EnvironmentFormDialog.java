package dev.slipway.ui.environments;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.clusters.ClusterView;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.environments.TrafficRouting;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.environments.NamespaceRule;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Creates an environment or changes one, with a live preview of the namespace an app would get. */
class EnvironmentFormDialog extends Dialog {

    /** The sample app the namespace preview is rendered for. */
    static final String SAMPLE_TEAM = "web";
    static final String SAMPLE_APP = "shop";

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final Select<String> cluster = new Select<>();
    private final TextField namespaceTemplate = new TextField("Namespace template");
    private final Checkbox createNamespace = new Checkbox("Create the namespace when it is missing");
    private final Checkbox protectedEnvironment = new Checkbox("Protected: deploying needs a team maintainer");
    private final TextField prometheusUrl = new TextField("Prometheus URL");
    private final Select<String> router = new Select<>();
    private final TextField routeHost = new TextField("App host names");
    private final TextField gateway = new TextField("Gateway");
    private final Binder<Model> binder = new Binder<>();
    /** Names of sandbox clusters, which the form must mark as simulated. */
    private final Set<String> simulatedClusters;

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String name = "";
        String description = "";
        String cluster = "";
        String namespaceTemplate = NamespaceRule.DEFAULT_TEMPLATE;
        boolean createNamespace = true;
        boolean protectedEnvironment;
        String prometheusUrl = "";
        String router = NO_ROUTER;
        String routeHost = "";
        String gateway = "";
    }

    /** The router choices as the Select shows them. */
    static final String NO_ROUTER = "None: canaries split requests by the ratio of pods";
    static final String NGINX = "ingress-nginx: exact canary weights through a canary Ingress";
    static final String GATEWAY_API = "Gateway API: exact canary weights through HTTPRoute backend weights";

    private EnvironmentFormDialog(String title, boolean creating, List<ClusterView> clusters, Model model) {
        this.simulatedClusters = clusters.stream().filter(ClusterView::simulated).map(ClusterView::name)
                .collect(Collectors.toSet());
        setHeaderTitle(title);
        setWidth("36em");
        configureFields(creating, clusters);
        bind();
        binder.setBean(model);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name, description, cluster, namespaceTemplate, createNamespace, protectedEnvironment, prometheusUrl,
                router, routeHost, gateway);
        showRouting();
        add(form);
        showPreview();
        showClusterNote();
    }

    static EnvironmentFormDialog forNewEnvironment(EnvironmentService environments, List<ClusterView> clusters,
                                                   CurrentUser user, Runnable onSaved) {
        Model model = new Model();
        if (clusters.size() == 1) {
            model.cluster = clusters.getFirst().name();
        }
        EnvironmentFormDialog dialog = new EnvironmentFormDialog("New environment", true, clusters, model);
        dialog.addButtons("Create", spec -> {
            EnvironmentView created = environments.create(user.actor(), spec);
            Notifications.success("Created environment " + created.name() + ".");
            onSaved.run();
        });
        return dialog;
    }

    static EnvironmentFormDialog forExistingEnvironment(EnvironmentService environments, List<ClusterView> clusters,
                                                        CurrentUser user, EnvironmentView environment,
                                                        Runnable onSaved) {
        Model model = new Model();
        model.name = environment.name();
        model.description = environment.description();
        model.cluster = environment.cluster();
        model.namespaceTemplate = environment.namespaceTemplate();
        model.createNamespace = environment.createNamespace();
        model.protectedEnvironment = environment.protectedEnvironment();
        model.prometheusUrl = Objects.requireNonNullElse(environment.prometheusUrl(), "");
        TrafficRouting routing = environment.routing();
        if (routing != null) {
            model.router = routing.router() == TrafficRouting.Router.GATEWAY_API ? GATEWAY_API : NGINX;
            model.routeHost = routing.hostTemplate();
            model.gateway = Objects.requireNonNullElse(routing.gateway(), "");
        }
        EnvironmentFormDialog dialog = new EnvironmentFormDialog("Edit environment " + environment.name(), false,
                clusters, model);
        dialog.addButtons("Save", spec -> {
            EnvironmentView saved = environments.update(user.actor(), environment.name(), spec);
            Notifications.success("Saved environment " + saved.name() + ".");
            onSaved.run();
        });
        return dialog;
    }

    private void configureFields(boolean creating, List<ClusterView> clusters) {
        name.setRequired(true);
        name.setMaxLength(EnvironmentService.MAX_NAME_LENGTH);
        name.setHelperText(creating ? "Lowercase letters, digits and '-'; fixed once created, as namespaces and"
                + " releases refer to it" : "");
        name.setReadOnly(!creating);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> showPreview());
        description.setMaxLength(500);
        cluster.setLabel("Cluster");
        cluster.setItems(clusters.stream().map(ClusterView::name).toList());
        cluster.setItemLabelGenerator(c -> simulatedClusters.contains(c) ? c + " (simulated)" : c);
        cluster.addValueChangeListener(e -> showClusterNote());
        namespaceTemplate.setValueChangeMode(ValueChangeMode.LAZY);
        namespaceTemplate.addValueChangeListener(e -> showPreview());
        createNamespace.setHelperText("Turn off when the cluster's admins create namespaces themselves");
        prometheusUrl.setMaxLength(EnvironmentService.MAX_PROMETHEUS_URL_LENGTH);
        router.setLabel("Traffic router");
        router.setItems(NO_ROUTER, NGINX, GATEWAY_API);
        router.addValueChangeListener(e -> showRouting());
        routeHost.setHelperText("Slipway manages each app's Ingress or HTTPRoute for this host, e.g."
                + " {app}-{env}.apps.example.com ({app}, {team} and {env} are filled in)");
        gateway.setHelperText("The Gateway the routes attach to, as namespace/name, e.g. gateway-system/public");
        prometheusUrl.setHelperText("Where canary analysis queries this environment's metrics, e.g."
                + " http://prometheus.monitoring:9090. Leave empty for none; the sandbox simulates its own metrics.");
    }

    private void bind() {
        binder.forField(name).withValidator(Forms.rule(EnvironmentService::nameProblem))
                .bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(description).bind(m -> m.description, (m, v) -> m.description = v);
        binder.forField(cluster).asRequired("Choose the cluster this environment deploys to")
                .bind(m -> m.cluster.isEmpty() ? null : m.cluster, (m, v) -> m.cluster = v == null ? "" : v);
        binder.forField(namespaceTemplate).withValidator(Forms.rule(NamespaceRule::templateProblem))
                .bind(m -> m.namespaceTemplate, (m, v) -> m.namespaceTemplate = v);
        binder.forField(createNamespace).bind(m -> m.createNamespace, (m, v) -> m.createNamespace = v);
        binder.forField(protectedEnvironment).bind(m -> m.protectedEnvironment, (m, v) -> m.protectedEnvironment = v);
        binder.forField(prometheusUrl).bind(m -> m.prometheusUrl, (m, v) -> m.prometheusUrl = v);
        binder.forField(router).bind(m -> m.router, (m, v) -> m.router = v);
        binder.forField(routeHost).bind(m -> m.routeHost, (m, v) -> m.routeHost = v);
        binder.forField(gateway).bind(m -> m.gateway, (m, v) -> m.gateway = v);
    }

    /** Shows where a sample app would land, so the admin sees the effect of the template before saving. */
    private void showPreview() {
        String template = namespaceTemplate.getValue().strip();
        String placeholders = "Placeholders: {app}, {team}, {env}.";
        if (NamespaceRule.templateProblem(template).isPresent()) {
            namespaceTemplate.setHelperText(placeholders);
            return;
        }
        String env = name.getValue().isBlank() ? "env" : name.getValue().strip();
        namespaceTemplate.setHelperText(placeholders + " App " + SAMPLE_APP + " of team " + SAMPLE_TEAM + " gets "
                + NamespaceRule.render(template, SAMPLE_TEAM, SAMPLE_APP, env) + ".");
    }

    /** Choosing the sandbox must never look like choosing a real cluster. */
    private void showClusterNote() {
        cluster.setHelperText(simulatedClusters.contains(cluster.getValue())
                ? "Simulated: nothing really runs in this environment" : "");
    }

    private void addButtons(String saveText, Consumer<EnvironmentSpec> save) {
        Button saveButton = new Button(saveText, e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Model m = binder.getBean();
            try {
                save.accept(new EnvironmentSpec(m.name, m.description, m.cluster, m.namespaceTemplate,
                        m.createNamespace, m.protectedEnvironment, m.prometheusUrl, routing(m)));
                close();
            } catch (InvalidInputException problem) {
                Forms.show(problem, fieldsByName());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }

    private Map<String, HasValidation> fieldsByName() {
        return Map.of("name", name, "description", description, "cluster", cluster,
                "namespaceTemplate", namespaceTemplate, "prometheusUrl", prometheusUrl,
                "routing.hostTemplate", routeHost, "routing.gateway", gateway);
    }

    private static @Nullable TrafficRouting routing(Model m) {
        if (NGINX.equals(m.router)) {
            return new TrafficRouting(TrafficRouting.Router.INGRESS_NGINX, m.routeHost, null);
        }
        if (GATEWAY_API.equals(m.router)) {
            return new TrafficRouting(TrafficRouting.Router.GATEWAY_API, m.routeHost, m.gateway);
        }
        return null;
    }

    private void showRouting() {
        boolean routed = !NO_ROUTER.equals(router.getValue());
        routeHost.setVisible(routed);
        gateway.setVisible(GATEWAY_API.equals(router.getValue()));
    }
}
