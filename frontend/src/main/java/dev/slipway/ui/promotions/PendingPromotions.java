package dev.slipway.ui.promotions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.slipway.promotions.PromotionService;
import dev.slipway.promotions.PromotionStatus;
import dev.slipway.promotions.PromotionView;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;

/**
 * Promotions into this environment that wait for approval. Approve is offered only to a maintainer who
 * did not ask; reject to maintainers, and withdraw to the one who asked.
 */
public class PendingPromotions extends Div {

    private final PromotionService promotions;
    private final CurrentUser user;
    private final String app;
    private final String environment;
    private final Runnable onDecided;

    public PendingPromotions(PromotionService promotions, CurrentUser user, String app, String environment,
                             Runnable onDecided) {
        this.promotions = promotions;
        this.user = user;
        this.app = app;
        this.environment = environment;
        this.onDecided = onDecided;
        refresh();
    }

    public void refresh() {
        removeAll();
        for (PromotionView promotion : promotions.list(user.actor(), app)) {
            if (promotion.status() != PromotionStatus.PENDING || !promotion.to().equals(environment)) {
                continue;
            }
            Paragraph what = new Paragraph("Waiting for approval: v" + promotion.sourceRelease() + " of " + promotion.from()
                    + " (" + promotion.image() + "), requested by " + promotion.requestedBy() + " "
                    + Formats.minute(promotion.requestedAt()) + ".");
            HorizontalLayout row = new HorizontalLayout(what);
            row.addClassName("slipway-pending");
            if (promotion.canApprove()) {
                Button approve = new Button("Approve and deploy", e -> {
                    PromotionView approved = promotions.approve(user.actor(), app, promotion.id(), null);
                    Notifications.success("Approved: v" + approved.targetRelease() + " rolls out in " + environment + ".");
                    onDecided.run();
                });
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
                row.add(approve);
            }
            if (promotion.canReject()) {
                boolean own = promotion.requestedBy().equals(user.username());
                Button reject = new Button(own ? "Withdraw" : "Reject", e -> {
                    promotions.reject(user.actor(), app, promotion.id(), null);
                    Notifications.success(own ? "Promotion withdrawn." : "Promotion rejected.");
                    onDecided.run();
                });
                reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(reject);
            }
            add(row);
        }
    }
}
