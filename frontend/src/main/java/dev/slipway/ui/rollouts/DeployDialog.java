package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.apps.ImageReferences;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.rollouts.DeployPreview;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deploys an image to one environment in two steps: review what would change against what runs (image,
 * config, settings), then deploy. On the sandbox the user also chooses how the simulated pods behave, so
 * a failing release and Slipway's automatic rollback can be watched.
 */
public class DeployDialog extends Dialog {

    private final DeployService deploys;
    private final CurrentUser user;
    private final String app;
    private final EnvironmentView environment;
    private final Consumer<RolloutView> onStarted;
    private final TextField image = new TextField("Image");
    private final Select<SandboxBehaviour> behaviour = new Select<>();
    private final Div review = new Div();
    private final Button next = new Button("Review changes", e -> review());
    private final Button deploy = new Button("Deploy", e -> deploy());

    public DeployDialog(DeployService deploys, CurrentUser user, String app, EnvironmentView environment, String suggestedImage,
                 Consumer<RolloutView> onStarted) {
        this.deploys = deploys;
        this.user = user;
        this.app = app;
        this.environment = environment;
        this.onStarted = onStarted;
        setHeaderTitle("Deploy " + app + " to " + environment.name());
        setWidth("40em");
        image.setValue(suggestedImage);
        image.setWidthFull();
        image.setRequired(true);
        image.setPlaceholder("registry.example.com/team/app:1.4.2");
        image.setHelperText("Slipway makes the next release from this image, with the environment's current config"
                + " and settings, and rolls it out");
        image.setValueChangeMode(ValueChangeMode.LAZY);
        image.addValueChangeListener(e -> {
            check();
            editing();
        });
        FormLayout form = new FormLayout(image);
        if (environment.simulated()) {
            behaviour.setLabel("Simulated pods");
            behaviour.setItems(SandboxBehaviour.values());
            behaviour.setItemLabelGenerator(SandboxBehaviour::description);
            behaviour.setValue(SandboxBehaviour.HEALTHY);
            behaviour.setHelperText("The sandbox runs nothing: choose how its pretend pods behave");
            behaviour.addValueChangeListener(e -> editing());
            form.add(behaviour);
            add(Badges.simulated());
        }
        if (environment.protectedEnvironment()) {
            add(new Paragraph("This environment is protected: deploying here needs a maintainer of the team."));
        }
        add(form, review);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.setVisible(false);
        getFooter().add(new Button("Cancel", e -> close()), next, deploy);
    }

    /** Shows the changes; the deploy button appears only with them, so nobody deploys unseen changes. */
    private void review() {
        if (!check()) {
            return;
        }
        try {
            DeployPreview preview = deploys.preview(user.actor(), app, environment.name(), request());
            review.removeAll();
            review.add(new DeployPreviewPanel(preview));
            next.setVisible(false);
            deploy.setVisible(true);
            deploy.setText(preview.running() == null ? "Deploy" : "Deploy these changes");
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("image", image, "sandboxBehaviour", behaviour));
        }
    }

    private void editing() {
        review.removeAll();
        next.setVisible(true);
        deploy.setVisible(false);
    }

    private void deploy() {
        try {
            RolloutView started = deploys.deploy(user.actor(), app, environment.name(), request());
            close();
            Notifications.success("Started v" + started.release() + " in " + environment.name() + ".");
            onStarted.accept(started);
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("image", image, "sandboxBehaviour", behaviour));
        }
    }

    private DeployRequest request() {
        return new DeployRequest(image.getValue().strip(), environment.simulated() ? behaviour.getValue() : null);
    }

    private boolean check() {
        var problem = ImageReferences.problem(image.getValue().strip());
        image.setInvalid(problem.isPresent());
        problem.ifPresent(p -> image.setErrorMessage(Character.toUpperCase(p.charAt(0)) + p.substring(1)));
        return problem.isEmpty();
    }
}
