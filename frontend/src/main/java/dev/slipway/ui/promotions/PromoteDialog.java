package dev.slipway.ui.promotions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.promotions.PromotionService;
import dev.slipway.promotions.PromotionStatus;
import dev.slipway.promotions.PromotionView;
import dev.slipway.rollouts.DeployPreview;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.rollouts.DeployPreviewPanel;
import dev.slipway.ui.security.CurrentUser;

/**
 * Promotes what runs here to the next environment, showing first what would change there: the image
 * travels, config and settings are the target's own.
 */
public class PromoteDialog extends Dialog {

    public PromoteDialog(PromotionService promotions, CurrentUser user, String app, String from, EnvironmentView to,
                         Runnable onDone) {
        setHeaderTitle("Promote " + app + " from " + from + " to " + to.name());
        setWidth("40em");
        DeployPreview preview = promotions.preview(user.actor(), app, from, to.name());
        add(new Paragraph("The image that runs in " + from + " goes to " + to.name() + " with " + to.name()
                + "'s own config and settings."));
        add(new DeployPreviewPanel(preview));
        if (to.protectedEnvironment()) {
            add(new Paragraph(to.name() + " is protected: the deploy waits until a maintainer of the team other than you"
                    + " approves it."));
        }
        Button promote = new Button(to.protectedEnvironment() ? "Request approval" : "Promote", e -> {
            PromotionView promotion = promotions.promote(user.actor(), app, from, to.name());
            close();
            Notifications.success(promotion.status() == PromotionStatus.PENDING
                    ? "Promotion to " + to.name() + " waits for approval by another maintainer."
                    : "Promoted: v" + promotion.targetRelease() + " rolls out in " + to.name() + ".");
            onDone.run();
        });
        promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), promote);
    }
}
