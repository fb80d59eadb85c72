package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.analysis.MetricTemplates;
import dev.slipway.apps.CanarySteps;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.Locale;
import java.util.Map;

/**
 * How an app runs in one environment: pods, resources, and how releases roll out (rolling or canary). The service checks
 * the values (Kubernetes quantities, limits not below requests) and its answer lands on the fields.
 */
class DeploySettingsDialog extends Dialog {

    private final IntegerField replicas = new IntegerField("Pods");
    private final TextField cpuRequest = new TextField("CPU request");
    private final TextField cpuLimit = new TextField("CPU limit");
    private final TextField memoryRequest = new TextField("Memory request");
    private final TextField memoryLimit = new TextField("Memory limit");
    private final TextField maxSurge = new TextField("Max surge");
    private final TextField maxUnavailable = new TextField("Max unavailable");
    private final IntegerField deadline = new IntegerField("Progress deadline (seconds)");
    private final Checkbox autoscale = new Checkbox("Scale on CPU with an autoscaler");
    private final IntegerField autoscaleMin = new IntegerField("Fewest pods");
    private final IntegerField autoscaleMax = new IntegerField("Most pods");
    private final IntegerField autoscaleCpu = new IntegerField("Target CPU %");
    private final Select<DeployStrategy> strategy = new Select<>();
    private final TextArea canarySteps = new TextArea("Canary steps");
    private final IntegerField previewPods = new IntegerField("Preview pods");
    private final Checkbox autoPromote = new Checkbox("Promote on its own once the preview is ready");
    private final IntegerField autoPromoteDelay = new IntegerField("Preview time before promoting (seconds)");
    private final IntegerField scaleDownDelay = new IntegerField("Keep the old slot for (seconds)");
    private final TextField preAnalysis = new TextField("Analysis before promotion");
    private final TextField postAnalysis = new TextField("Analysis after promotion");

    DeploySettingsDialog(AppService apps, CurrentUser user, String app, String environment, Runnable onSaved) {
        setHeaderTitle("How " + app + " runs in " + environment);
        setWidth("40em");
        DeploySettings current = apps.deploySettings(user.actor(), app, environment);
        fill(current);
        cpuRequest.setHelperText("e.g. 100m (a tenth of a core)");
        memoryRequest.setHelperText("e.g. 256Mi");
        maxSurge.setHelperText("Extra pods during an update: 1 or 25%");
        maxUnavailable.setHelperText("Pods that may be missing: 0 or 25%");
        deadline.setHelperText("Without progress for this long, Slipway rolls back");
        autoscale.addValueChangeListener(e -> showAutoscaling());
        strategy.setLabel("Strategy");
        strategy.setItems(DeployStrategy.values());
        strategy.setItemLabelGenerator(DeploySettingsDialog::label);
        strategy.setValue(current.strategy());
        strategy.addValueChangeListener(e -> showStrategy());
        canarySteps.setValue(current.canarySteps() == null ? CanarySteps.defaults().text() : current.canarySteps());
        canarySteps.setHelperText("One step per line: setWeight 20 (share of requests, by pod ratio), pause 5m,"
                + " pause (until promoted), analysis " + String.join(" ", MetricTemplates.names())
                + " (measured, must pass), background <templates> (measured from there on while the other steps"
                + " run). After the last step the canary takes all traffic.");
        canarySteps.setMinRows(4);
        DeploySettings.BlueGreen blueGreen = current.blueGreenOrDefaults();
        previewPods.setValue(blueGreen.previewReplicas());
        previewPods.setHelperText("Empty: as many as the app runs");
        autoPromote.setValue(blueGreen.autoPromote());
        autoPromote.addValueChangeListener(e -> showStrategy());
        autoPromoteDelay.setValue(blueGreen.autoPromoteDelaySeconds());
        scaleDownDelay.setValue(blueGreen.scaleDownDelaySeconds());
        scaleDownDelay.setHelperText("A rollback in this time switches back without starting a pod");
        preAnalysis.setValue(blueGreen.prePromotionAnalysis() == null ? "" : blueGreen.prePromotionAnalysis());
        postAnalysis.setValue(blueGreen.postPromotionAnalysis() == null ? "" : blueGreen.postPromotionAnalysis());
        String templates = "Metric templates, e.g. " + String.join(" ", MetricTemplates.names()) + "; empty for none";
        preAnalysis.setHelperText(templates);
        postAnalysis.setHelperText(templates + ". A failure switches back at once");
        FormLayout form = new FormLayout(replicas, deadline, cpuRequest, cpuLimit, memoryRequest, memoryLimit,
                maxSurge, maxUnavailable, autoscale, autoscaleMin, autoscaleMax, autoscaleCpu, strategy, canarySteps,
                previewPods, scaleDownDelay, autoPromote, autoPromoteDelay, preAnalysis, postAnalysis);
        form.setColspan(autoscale, 2);
        form.setColspan(strategy, 2);
        form.setColspan(canarySteps, 2);
        form.setColspan(autoPromote, 2);
        add(new Paragraph("Changes apply from the next deploy; what runs now keeps its settings."), form);
        showAutoscaling();
        showStrategy();

        Button save = new Button("Save", e -> {
            clearProblems();
            try {
                apps.updateDeploySettings(user.actor(), app, environment, read(current));
                close();
                Notifications.success("Saved. The next deploy to " + environment + " uses these settings.");
                onSaved.run();
            } catch (InvalidInputException problem) {
                Forms.show(problem, fields());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** One line for the page, so the settings can be read without opening the dialog. */
    static String summary(DeploySettings s) {
        String size = s.autoscaling() == null ? s.replicas() + (s.replicas() == 1 ? " pod" : " pods")
                : s.autoscaling().min() + "–" + s.autoscaling().max() + " pods at " + s.autoscaling().cpuPercent() + "% CPU";
        return size + " · " + s.cpuRequest() + "–" + s.cpuLimit() + " CPU · " + s.memoryRequest() + "–"
                + s.memoryLimit() + " memory · " + (s.strategy() == DeployStrategy.CANARY
                ? "canary: " + String.join(", ", s.steps().text().split("\n"))
                : s.strategy() == DeployStrategy.BLUE_GREEN ? blueGreenSummary(s.blueGreenOrDefaults())
                : s.strategy().name().toLowerCase(Locale.ROOT) + ", max surge " + s.maxSurge() + ", max unavailable "
                        + s.maxUnavailable())
                + ", deadline " + s.progressDeadlineSeconds() + " s";
    }

    private static String blueGreenSummary(DeploySettings.BlueGreen b) {
        return "blue-green: preview on " + (b.previewReplicas() == null ? "all pods" : b.previewReplicas() + " pods")
                + ", " + (b.autoPromote() ? "promotes itself" + (b.autoPromoteDelaySeconds() > 0 ? " after "
                + b.autoPromoteDelaySeconds() + " s" : "") : "waits for a promotion")
                + (b.prePromotionAnalysis() == null ? "" : ", analysis before: " + b.prePromotionAnalysis())
                + (b.postPromotionAnalysis() == null ? "" : ", analysis after: " + b.postPromotionAnalysis())
                + ", old slot kept " + b.scaleDownDelaySeconds() + " s";
    }

    private static String label(DeployStrategy strategy) {
        return switch (strategy) {
            case ROLLING -> "Rolling update: Kubernetes replaces pods a few at a time";
            case CANARY -> "Canary: the new release gets a growing share of requests, step by step";
            case BLUE_GREEN -> "Blue-green: the new release starts beside the old one, then all traffic switches at once";
        };
    }

    private void showStrategy() {
        boolean canary = strategy.getValue() == DeployStrategy.CANARY;
        boolean blueGreen = strategy.getValue() == DeployStrategy.BLUE_GREEN;
        canarySteps.setVisible(canary);
        maxSurge.setVisible(!canary && !blueGreen);
        maxUnavailable.setVisible(!canary && !blueGreen);
        previewPods.setVisible(blueGreen);
        autoPromote.setVisible(blueGreen);
        autoPromoteDelay.setVisible(blueGreen && autoPromote.getValue());
        scaleDownDelay.setVisible(blueGreen);
        preAnalysis.setVisible(blueGreen);
        postAnalysis.setVisible(blueGreen);
    }

    private DeploySettings.@org.jspecify.annotations.Nullable BlueGreen blueGreen(DeploySettings current) {
        if (strategy.getValue() != DeployStrategy.BLUE_GREEN) {
            return current.blueGreen();
        }
        return new DeploySettings.BlueGreen(previewPods.getValue(), autoPromote.getValue(),
                autoPromoteDelay.getValue() == null ? 0 : autoPromoteDelay.getValue(), value(scaleDownDelay),
                preAnalysis.getValue().strip(), postAnalysis.getValue().strip());
    }

    private void fill(DeploySettings s) {
        replicas.setValue(s.replicas());
        cpuRequest.setValue(s.cpuRequest());
        cpuLimit.setValue(s.cpuLimit());
        memoryRequest.setValue(s.memoryRequest());
        memoryLimit.setValue(s.memoryLimit());
        maxSurge.setValue(s.maxSurge());
        maxUnavailable.setValue(s.maxUnavailable());
        deadline.setValue(s.progressDeadlineSeconds());
        autoscale.setValue(s.autoscaling() != null);
        autoscaleMin.setValue(s.autoscaling() == null ? 2 : s.autoscaling().min());
        autoscaleMax.setValue(s.autoscaling() == null ? 5 : s.autoscaling().max());
        autoscaleCpu.setValue(s.autoscaling() == null ? 80 : s.autoscaling().cpuPercent());
    }

    private DeploySettings read(DeploySettings current) {
        DeploySettings.Autoscaling autoscaling = autoscale.getValue()
                ? new DeploySettings.Autoscaling(value(autoscaleMin), value(autoscaleMax), value(autoscaleCpu)) : null;
        return new DeploySettings(value(replicas), cpuRequest.getValue().strip(), cpuLimit.getValue().strip(),
                memoryRequest.getValue().strip(), memoryLimit.getValue().strip(), maxSurge.getValue().strip(),
                maxUnavailable.getValue().strip(), value(deadline), autoscaling, strategy.getValue(),
                strategy.getValue() == DeployStrategy.CANARY ? canarySteps.getValue() : current.canarySteps(),
                blueGreen(current));
    }

    /** An empty number field counts as -1, which the service refuses with a message on that field. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void showAutoscaling() {
        boolean on = autoscale.getValue();
        autoscaleMin.setVisible(on);
        autoscaleMax.setVisible(on);
        autoscaleCpu.setVisible(on);
        replicas.setEnabled(!on);
    }

    /** Problems of an earlier save would otherwise linger on fields the user has since put right. */
    private void clearProblems() {
        fields().values().forEach(field -> field.setInvalid(false));
    }

    /** The service's field names, as the REST API spells them, and the fields that show their problems. */
    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("replicas", replicas), Map.entry("cpuRequest", cpuRequest),
                Map.entry("cpuLimit", cpuLimit), Map.entry("memoryRequest", memoryRequest),
                Map.entry("memoryLimit", memoryLimit), Map.entry("maxSurge", maxSurge),
                Map.entry("maxUnavailable", maxUnavailable), Map.entry("progressDeadlineSeconds", deadline),
                Map.entry("autoscaling.min", autoscaleMin), Map.entry("autoscaling.max", autoscaleMax),
                Map.entry("autoscaling.cpuPercent", autoscaleCpu), Map.entry("strategy", strategy),
                Map.entry("canarySteps", canarySteps), Map.entry("blueGreen.previewReplicas", previewPods),
                Map.entry("blueGreen.autoPromoteDelaySeconds", autoPromoteDelay),
                Map.entry("blueGreen.scaleDownDelaySeconds", scaleDownDelay),
                Map.entry("blueGreen.prePromotionAnalysis", preAnalysis),
                Map.entry("blueGreen.postPromotionAnalysis", postAnalysis));
    }
}
